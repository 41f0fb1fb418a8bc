package io.couriermq.broker.config;

import java.util.Arrays;

/** Parses one configuration value, naming the key and the value when it cannot. */
final class ConfigValues {
    private ConfigValues() {}

    static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(key + " must be an integer, was '" + value + "'");
        }
    }

    static long parseLong(String key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(key + " must be an integer, was '" + value + "'");
        }
    }

    static double parseDouble(String key, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(key + " must be a number, was '" + value + "'");
        }
    }

    static boolean parseBoolean(String key, String value) {
        String trimmed = value.trim();
        if (trimmed.equalsIgnoreCase("true")) {
            return true;
        }
        if (trimmed.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidConfigException(key + " must be true or false, was '" + value + "'");
    }

    static <E extends Enum<E>> E parseEnum(String key, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new InvalidConfigException(
                key + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
    }

    static void requirePositive(String key, long value, String unit) {
        if (value < 1) {
            throw new InvalidConfigException(key + " must be positive (" + unit + "), was " + value);
        }
    }

    /** Refuses a value outside min..max (inclusive), naming the key, the unit and why the bound exists. */
    static void requireRange(String key, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new InvalidConfigException(key + " must be " + min + ".." + max + " " + unit + ", was " + value);
        }
    }
}
