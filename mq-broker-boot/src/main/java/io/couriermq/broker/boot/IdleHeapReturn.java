package io.couriermq.broker.boot;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets G1 give heap back once a load is over. Under a send storm G1 grows its committed heap to keep up
 * with the allocation rate (the live heap stays small: tens of MB), and by default it shrinks only on a
 * full GC, which a healthy broker never has: so RSS stayed at its high-water mark until restart. A
 * periodic collection while idle ({@code G1PeriodicGCInterval}) and a lower {@code MaxHeapFreeRatio} make
 * it uncommit what it does not use. Both are manageable flags, set here only when the operator left them
 * at the JVM's default (an explicit {@code -XX:} option always wins), and only for G1.
 */
final class IdleHeapReturn {
    static final String PERIODIC_GC = "G1PeriodicGCInterval";
    static final String MAX_FREE_RATIO = "MaxHeapFreeRatio";
    static final long PERIODIC_GC_MS = 15_000;
    static final int MAX_FREE_PERCENT = 40;
    private static final Logger log = LoggerFactory.getLogger(IdleHeapReturn.class);

    private IdleHeapReturn() {}

    /** Applies the defaults this JVM allows; returns what was set, for the start-up line. */
    static String apply() {
        if (!runsG1()) {
            return "heap return: not G1, left to the collector";
        }
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        boolean periodic = setIfDefault(hotspot, PERIODIC_GC, Long.toString(PERIODIC_GC_MS));
        boolean ratio = setIfDefault(hotspot, MAX_FREE_RATIO, Integer.toString(MAX_FREE_PERCENT));
        return "heap return: " + PERIODIC_GC + "="
                + hotspot.getVMOption(PERIODIC_GC).getValue()
                + (periodic ? "" : " (as configured)") + ", " + MAX_FREE_RATIO + "="
                + hotspot.getVMOption(MAX_FREE_RATIO).getValue() + (ratio ? "" : " (as configured)");
    }

    static boolean runsG1() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .anyMatch(name -> name.startsWith("G1"));
    }

    private static boolean setIfDefault(HotSpotDiagnosticMXBean hotspot, String flag, String value) {
        Optional<VMOption> option = Optional.ofNullable(hotspot.getVMOption(flag));
        if (option.isEmpty()
                || option.get().getOrigin() != VMOption.Origin.DEFAULT
                || !option.get().isWriteable()) {
            return false;
        }
        try {
            hotspot.setVMOption(flag, value);
            return true;
        } catch (IllegalArgumentException e) {
            // MaxHeapFreeRatio must stay above MinHeapFreeRatio: a configured minimum above ours wins
            log.debug("{}={} not applied: {}", flag, value, e.getMessage());
            return false;
        }
    }
}
