package io.couriermq.acl.model;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A white-list pattern of client addresses in RocketMQ 5.2.0's notation:
 *
 * <table>
 *   <caption>patterns</caption>
 *   <tr><td>blank</td><td>matches nothing</td></tr>
 *   <tr><td>{@code *}, {@code *.*.*.*}, {@code *:*:*:*:*:*:*:*}</td><td>everything</td></tr>
 *   <tr><td>{@code 192.168.0.1}, {@code ::1}</td><td>that address</td></tr>
 *   <tr><td>{@code 192.168.0.1,192.168.0.2}</td><td>any address in the list</td></tr>
 *   <tr><td>{@code 192.168.1.{1,2,3}}</td><td>any of the listed last segments</td></tr>
 *   <tr><td>{@code 192.168.1.*}, {@code 192.168.*.*}, {@code 192.168.1.10-20}, {@code 192.168.10-20.*}</td>
 *       <td>a range in one segment; every segment after it is {@code *}</td></tr>
 * </table>
 *
 * IPv6 works the same way with {@code :} and hexadecimal groups ({@code ::} is expanded first). Addresses
 * are compared as numbers, so {@code ::1} and {@code 0:0:0:0:0:0:0:1} are the same. A pattern RocketMQ
 * would refuse is refused with a message naming it. One deliberate difference (checked against 5.2.0's
 * {@code RemoteAddressStrategyFactory}): a segment after a {@code *} or range that is not {@code *}, as in
 * {@code 192.168.*.1}, is refused; 5.2.0 silently ignores it and lets all of {@code 192.168.*.*} in.
 */
public abstract sealed class AddressPattern {
    public static final AddressPattern NONE = new Fixed("", false);
    public static final AddressPattern ANY = new Fixed("*", true);

    private final String text;

    private AddressPattern(String text) {
        this.text = text;
    }

    /** Whether the client at {@code ip} (no port) matches. */
    public abstract boolean matches(String ip);

    /** The pattern as configured. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The pattern {@code text} stands for; IllegalArgumentException naming it when it is not one. */
    public static AddressPattern parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String pattern = text.trim();
        if (pattern.equals("*") || pattern.equals("*.*.*.*") || pattern.equals("*:*:*:*:*:*:*:*")) {
            return new Fixed(pattern, true);
        }
        if (pattern.endsWith("}")) {
            return braces(pattern);
        }
        if (pattern.indexOf(',') >= 0) {
            return new Listed(pattern, Arrays.asList(pattern.split(",")));
        }
        if (pattern.indexOf('*') >= 0 || pattern.indexOf('-') >= 0) {
            return Ranged.of(pattern);
        }
        return new Listed(pattern, List.of(pattern));
    }

    private static AddressPattern braces(String pattern) {
        int open = pattern.lastIndexOf('{');
        char separator = pattern.indexOf(':') >= 0 ? ':' : '.';
        if (open <= 0 || pattern.charAt(open - 1) != separator) {
            throw bad(pattern, "'{...}' must be the last segment");
        }
        String prefix = pattern.substring(0, open);
        String[] items = pattern.substring(open + 1, pattern.length() - 1).split(",");
        return new Listed(
                pattern, Arrays.stream(items).map(item -> prefix + item.trim()).toList());
    }

    static IllegalArgumentException bad(String pattern, String problem) {
        return new IllegalArgumentException("bad address pattern '" + pattern + "': " + problem);
    }

    /** Everything or nothing. */
    private static final class Fixed extends AddressPattern {
        private final boolean all;

        Fixed(String text, boolean all) {
            super(text);
            this.all = all;
        }

        @Override
        public boolean matches(String ip) {
            return all;
        }
    }

    /** One or more exact addresses. */
    private static final class Listed extends AddressPattern {
        private final Set<List<Integer>> addresses = new HashSet<>();

        Listed(String text, List<String> candidates) {
            super(text);
            for (String candidate : candidates) {
                int[] segments = IpAddresses.parse(candidate);
                if (segments == null) {
                    throw bad(text, "'" + candidate.trim() + "' is not an IPv4 or IPv6 address");
                }
                addresses.add(boxed(segments));
            }
        }

        @Override
        public boolean matches(String ip) {
            int[] segments = IpAddresses.parse(ip);
            return segments != null && addresses.contains(boxed(segments));
        }

        private static List<Integer> boxed(int[] segments) {
            return Arrays.stream(segments).boxed().toList();
        }
    }

    /** Exact segments, then one {@code *} or {@code a-b} segment, then only {@code *}. */
    private static final class Ranged extends AddressPattern {
        private final int[] low;
        private final int[] high;

        private Ranged(String text, int[] low, int[] high) {
            super(text);
            this.low = low;
            this.high = high;
        }

        static Ranged of(String pattern) {
            boolean v6 = pattern.indexOf(':') >= 0;
            String[] groups = v6 ? IpAddresses.expandV6(pattern) : pattern.split("\\.", -1);
            if (groups == null || groups.length != (v6 ? 8 : 4)) {
                throw bad(pattern, v6 ? "not 8 IPv6 groups" : "not 4 IPv4 segments");
            }
            int radix = v6 ? 16 : 10;
            int max = v6 ? 0xffff : 255;
            int[] low = new int[groups.length];
            int[] high = new int[groups.length];
            boolean open = false;
            for (int i = 0; i < groups.length; i++) {
                String group = groups[i].trim();
                if (group.equals("*")) {
                    low[i] = 0;
                    high[i] = max;
                    open = true;
                } else if (open) {
                    throw bad(pattern, "after a '*' or range segment every segment must be '*'");
                } else if (group.indexOf('-') > 0) {
                    String[] bounds = group.split("-", -1);
                    Integer from = bounds.length == 2 ? IpAddresses.number(bounds[0], radix, max) : null;
                    Integer to = bounds.length == 2 ? IpAddresses.number(bounds[1], radix, max) : null;
                    if (from == null || to == null || from > to) {
                        throw bad(pattern, "'" + group + "' is not a range a-b with a <= b within 0-" + max);
                    }
                    low[i] = from;
                    high[i] = to;
                    open = true;
                } else {
                    Integer value = IpAddresses.number(group, radix, max);
                    if (value == null) {
                        throw bad(pattern, "'" + group + "' is not a number within 0-" + max);
                    }
                    low[i] = value;
                    high[i] = value;
                }
            }
            return new Ranged(pattern, low, high);
        }

        @Override
        public boolean matches(String ip) {
            int[] segments = IpAddresses.parse(ip);
            if (segments == null || segments.length != low.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (segments[i] < low[i] || segments[i] > high[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
