package io.couriermq.harness.process;

import java.util.Locale;

/** Whose server runs in the process: ours (the boot jars) or Apache RocketMQ 5.2.0's. */
public enum ServerKind {
    COURIER,
    OFFICIAL;

    /** The kind named by the system property {@code property} ({@code courier} or {@code official}); ours when unset. */
    public static ServerKind selected(String property) {
        String value = System.getProperty(property, "courier").trim();
        return ServerKind.valueOf(value.isEmpty() ? "COURIER" : value.toUpperCase(Locale.ROOT));
    }
}
