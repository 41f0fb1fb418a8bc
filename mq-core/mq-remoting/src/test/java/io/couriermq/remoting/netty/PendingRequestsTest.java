package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.netty.PendingRequests.Admission;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class PendingRequestsTest {
    private static final RemotingCommand KIB =
            RemotingCommand.request(310).body(new byte[1024 - 256]).build();

    @Test
    void aConnectionIsFullAtItsCountOrItsBytesAndThePortAtItsBytes() {
        PendingRequests pending = new PendingRequests(3, 2048, 3072);
        EmbeddedChannel first = new EmbeddedChannel();
        EmbeddedChannel second = new EmbeddedChannel();

        assertThat(pending.admit(first, KIB)).isEqualTo(Admission.TAKEN);
        assertThat(pending.admit(first, KIB)).isEqualTo(Admission.TAKEN);
        assertThat(pending.admit(first, KIB)).as("its bytes").isEqualTo(Admission.CONNECTION_FULL);
        assertThat(pending.admit(second, KIB)).isEqualTo(Admission.TAKEN);
        assertThat(pending.admit(second, KIB)).as("the port's bytes").isEqualTo(Admission.PORT_FULL);
        assertThat(pending.bytes()).isEqualTo(3072);

        pending.release(first, KIB);
        assertThat(pending.bytes()).isEqualTo(2048);
        assertThat(pending.admit(second, KIB)).isEqualTo(Admission.TAKEN);

        PendingRequests counted = new PendingRequests(1, 1 << 20, 1 << 20);
        EmbeddedChannel third = new EmbeddedChannel();
        assertThat(counted.admit(third, KIB)).isEqualTo(Admission.TAKEN);
        assertThat(counted.admit(third, KIB)).as("its count").isEqualTo(Admission.CONNECTION_FULL);
    }

    @Test
    void aRequestLargerThanTheBoundsIsTakenWhenNothingElseIsPending() {
        PendingRequests pending = new PendingRequests(10, 512, 512);
        EmbeddedChannel channel = new EmbeddedChannel();

        assertThat(pending.admit(channel, KIB)).isEqualTo(Admission.TAKEN);
        assertThat(pending.admit(channel, KIB)).isEqualTo(Admission.CONNECTION_FULL);
        pending.release(channel, KIB);
        assertThat(pending.bytes()).isZero();
        assertThat(pending.admit(new EmbeddedChannel(), KIB)).isEqualTo(Admission.TAKEN);
    }
}
