package io.couriermq.acl.model;

/**
 * Numeric forms of literal IP addresses, parsed by hand so that nothing here ever resolves a host name:
 * IPv4 as 4 numbers 0-255, IPv6 as 8 numbers 0-0xffff ({@code ::} expanded, a zone id and an embedded
 * IPv4 tail accepted).
 */
final class IpAddresses {
    private IpAddresses() {}

    /** The segments of {@code text}: 4 for IPv4, 8 for IPv6; null when it is neither. */
    static int[] parse(String text) {
        if (text == null) {
            return null;
        }
        String address = text.trim();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        return address.indexOf(':') >= 0 ? parseV6(address) : parseV4(address);
    }

    static int[] parseV4(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] segments = new int[4];
        for (int i = 0; i < 4; i++) {
            Integer value = number(parts[i], 10, 255);
            if (value == null) {
                return null;
            }
            segments[i] = value;
        }
        return segments;
    }

    static int[] parseV6(String address) {
        String[] groups = expandV6(address);
        if (groups == null) {
            return null;
        }
        int[] segments = new int[8];
        for (int i = 0; i < 8; i++) {
            Integer value = number(groups[i], 16, 0xffff);
            if (value == null) {
                return null;
            }
            segments[i] = value;
        }
        return segments;
    }

    /**
     * The 8 textual groups of an IPv6 form, {@code ::} replaced by zero groups and an IPv4 tail by two
     * groups; the groups themselves are not checked (patterns hold {@code *} and ranges there). Null when
     * the shape is wrong.
     */
    static String[] expandV6(String address) {
        String text = address;
        int dot = text.lastIndexOf('.');
        if (dot >= 0) {
            int colon = text.lastIndexOf(':');
            int[] v4 = colon < 0 ? null : parseV4(text.substring(colon + 1));
            if (v4 == null) {
                return null;
            }
            text = text.substring(0, colon + 1) + Integer.toHexString(v4[0] << 8 | v4[1]) + ":"
                    + Integer.toHexString(v4[2] << 8 | v4[3]);
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String[] head = gap < 0 ? text.split(":", -1) : split(text.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : split(text.substring(gap + 2));
        int missing = 8 - head.length - tail.length;
        if ((gap < 0 && missing != 0) || (gap >= 0 && missing < 1)) {
            return null;
        }
        String[] groups = new String[8];
        System.arraycopy(head, 0, groups, 0, head.length);
        for (int i = 0; i < missing; i++) {
            groups[head.length + i] = "0";
        }
        System.arraycopy(tail, 0, groups, head.length + missing, tail.length);
        return groups;
    }

    private static String[] split(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }

    /** A non-negative number of at most {@code max} in {@code radix}; null if it is not one. */
    static Integer number(String text, int radix, int max) {
        String digits = text.trim();
        if (digits.isEmpty() || digits.length() > (radix == 16 ? 4 : 3)) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return null;
            }
        }
        int value = Integer.parseInt(digits, radix);
        return value <= max ? value : null;
    }
}
