package io.couriermq.remoting.protocol;

/** Topic permission bits ("perm") as carried in topic configs and routes. */
public final class Permission {
    /** The topic may serve as a template for auto-created topics (TBW102). */
    public static final int INHERIT = 1;

    public static final int WRITE = 2;
    public static final int READ = 4;
    public static final int READ_WRITE = READ | WRITE;

    private Permission() {}

    public static boolean isReadable(int perm) {
        return (perm & READ) != 0;
    }

    public static boolean isWritable(int perm) {
        return (perm & WRITE) != 0;
    }

    public static boolean isInherited(int perm) {
        return (perm & INHERIT) != 0;
    }
}
