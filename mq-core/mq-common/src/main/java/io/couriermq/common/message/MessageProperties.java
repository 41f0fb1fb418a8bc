package io.couriermq.common.message;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties string (remoting-protocol §4.3): {@code name 0x01 value 0x02} repeated. We write the
 * trailing 0x02 like the official encoders; the decoder accepts its absence, skips fragments without a
 * 0x01, and lets later duplicates win.
 */
public final class MessageProperties {
    public static final char NAME_VALUE_SEPARATOR = '\u0001';
    public static final char PROPERTY_SEPARATOR = '\u0002';

    private MessageProperties() {}

    public static String encode(Map<String, String> properties) {
        if (properties.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(properties.size() * 24);
        properties.forEach((name, value) -> {
            if (name != null && value != null) {
                text.append(name).append(NAME_VALUE_SEPARATOR).append(value).append(PROPERTY_SEPARATOR);
            }
        });
        return text.toString();
    }

    public static Map<String, String> decode(String text) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return properties;
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = text.length();
            }
            putPair(text, start, end, properties);
            start = end + 1;
        }
        return properties;
    }

    /**
     * The value of one property, read from the properties string without building a map (the pull-time
     * filter looks up a few names per examined message). Like {@link #decode}, a later duplicate wins.
     */
    public static String find(String text, String name) {
        if (text == null || text.isEmpty() || name.isEmpty()) {
            return null;
        }
        String value = null;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = text.length();
            }
            int separator = start + name.length();
            if (separator < end
                    && text.charAt(separator) == NAME_VALUE_SEPARATOR
                    && text.startsWith(name, start)
                    && end - start >= 3) {
                value = text.substring(separator + 1, end);
            }
            start = end + 1;
        }
        return value;
    }

    private static void putPair(String text, int start, int end, Map<String, String> properties) {
        // A pair needs at least "a\u0001b"; shorter fragments come from sloppy encoders and are skipped.
        if (end - start < 3) {
            return;
        }
        int separator = text.indexOf(NAME_VALUE_SEPARATOR, start);
        if (separator < 0 || separator >= end) {
            return;
        }
        properties.put(text.substring(start, separator), text.substring(separator + 1, end));
    }
}
