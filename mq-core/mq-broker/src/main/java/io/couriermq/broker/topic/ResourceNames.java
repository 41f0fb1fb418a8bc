package io.couriermq.broker.topic;

/**
 * The naming rule RocketMQ applies to topics and consumer groups alike: ASCII letters, digits, '%',
 * '_', '-' and '|', up to a maximum length.
 */
public final class ResourceNames {
    private ResourceNames() {}

    /** Why {@code name} is not a valid {@code kind} name ("topic", "group"), or null when it is. */
    public static String problemWith(String kind, String name, int maxLength) {
        if (name == null || name.isBlank()) {
            return "the " + kind + " name is empty";
        }
        if (name.length() > maxLength) {
            return "the " + kind + " name is " + name.length() + " characters long; at most " + maxLength
                    + " are allowed";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAllowed(c)) {
                return "the " + kind + " name '" + name + "' contains '" + c
                        + "'; only letters, digits, '%', '_', '-' and '|' are allowed";
            }
        }
        return null;
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '%'
                || c == '_'
                || c == '-'
                || c == '|';
    }
}
