package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the boot applications bind under courier.namesrv.limits.*: unset keeps the default, set is checked. */
class ServerLimitsOverridesTest {

    @Test
    void nothingSetIsTheDefaults() {
        assertThat(new ServerLimitsOverrides(null, null, null, null, null, null, null, null).toServerLimits())
                .isEqualTo(ServerLimits.defaults());
    }

    @Test
    void theRequestByteBoundsAreAppliedAndTheRestKeepTheirDefaults() {
        ServerLimits limits =
                new ServerLimitsOverrides(null, null, null, null, null, null, 1L << 20, 4L << 20).toServerLimits();

        assertThat(limits).isEqualTo(ServerLimits.defaults().withMaxPendingRequestBytes(1L << 20, 4L << 20));
    }

    @Test
    void anImpossibleRequestByteBoundIsRefusedNamingIt() {
        assertThatThrownBy(
                        () -> new ServerLimitsOverrides(null, null, null, null, null, null, 0L, null).toServerLimits())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPendingRequestBytesPerConnection must be at least 1, was 0");
    }
}
