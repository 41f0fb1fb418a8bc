package io.couriermq.acl.model;

import java.util.Locale;

/**
 * ACL 1.0 permission bits, as RocketMQ 5.2.0 numbers them, and the one rule that compares them. A
 * resource's permission is configured as {@code DENY}, {@code PUB}, {@code SUB}, {@code PUB|SUB} or
 * {@code SUB|PUB}; {@code ANY} is only ever needed, never owned.
 */
public final class AclPermission {
    public static final byte DENY = 1;
    public static final byte ANY = 1 << 1;
    public static final byte PUB = 1 << 2;
    public static final byte SUB = 1 << 3;

    private AclPermission() {}

    /**
     * Whether {@code owned} grants {@code needed}: an owned DENY refuses everything, a needed ANY takes
     * PUB or SUB, otherwise one needed bit must be owned.
     */
    public static boolean grants(byte owned, byte needed) {
        if ((owned & DENY) != 0) {
            return false;
        }
        if ((needed & ANY) != 0) {
            return (owned & (PUB | SUB)) != 0;
        }
        return (needed & owned) != 0;
    }

    /**
     * The bits of a configured permission. Absent (null or blank) means DENY, as in RocketMQ; a string
     * RocketMQ would silently read as DENY is refused here, so a typo does not lock an account out.
     */
    public static byte parse(String text) {
        if (text == null || text.isBlank()) {
            return DENY;
        }
        return switch (text.trim()) {
            case "DENY" -> DENY;
            case "PUB" -> PUB;
            case "SUB" -> SUB;
            case "PUB|SUB", "SUB|PUB" -> PUB | SUB;
            default ->
                throw new IllegalArgumentException(
                        "unknown permission '" + text.trim() + "' (expected DENY, PUB, SUB, PUB|SUB or SUB|PUB)");
        };
    }

    /** The configured form of {@code bits}, for messages and listings. */
    public static String format(byte bits) {
        if ((bits & DENY) != 0) {
            return "DENY";
        }
        boolean pub = (bits & PUB) != 0;
        boolean sub = (bits & SUB) != 0;
        if (pub && sub) {
            return "PUB|SUB";
        }
        return pub ? "PUB" : sub ? "SUB" : ("0x" + Integer.toHexString(bits & 0xff)).toUpperCase(Locale.ROOT);
    }
}
