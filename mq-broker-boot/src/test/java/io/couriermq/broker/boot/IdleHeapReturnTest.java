package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Runs in the test JVM (G1 on this machine), whose two flags are at their defaults unless a fork set them. */
class IdleHeapReturnTest {
    private final HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void aG1HeapAtItsDefaultsIsToldToReturnIdleMemoryAndSaysSo() {
        assumeTrue(IdleHeapReturn.runsG1(), "the test JVM does not run G1");

        String stated = IdleHeapReturn.apply();

        assertThat(hotspot.getVMOption(IdleHeapReturn.PERIODIC_GC).getValue()).isNotEqualTo("0");
        assertThat(Long.parseLong(
                        hotspot.getVMOption(IdleHeapReturn.MAX_FREE_RATIO).getValue()))
                .isLessThan(70);
        assertThat(stated).startsWith("heap return: G1PeriodicGCInterval=").contains("MaxHeapFreeRatio=");
    }

    @Test
    void aFlagSetOnceIsNotOverwrittenAgain() {
        assumeTrue(IdleHeapReturn.runsG1(), "the test JVM does not run G1");
        IdleHeapReturn.apply();

        // after the first apply the origin is MANAGEMENT, no longer DEFAULT: the second leaves it alone
        assertThat(IdleHeapReturn.apply()).contains("(as configured)");
    }
}
