package io.couriermq.broker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.LanguageCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two ways members leave without saying so: the connection closes, or heartbeats stop. */
class ClientChannelLifecycleTest {
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final List<String> notified = new ArrayList<>();
    private final ProducerGroupRegistry producers = new ProducerGroupRegistry(clock);
    private final ConsumerGroupRegistry consumers =
            new ConsumerGroupRegistry(clock, (group, channels) -> notified.add(group + channels));
    private final FakeRemotingChannel channelA = new FakeRemotingChannel("10.0.0.1:1001");
    private final FakeRemotingChannel channelB = new FakeRemotingChannel("10.0.0.2:1002");
    private final ClientIdentity clientA = new ClientIdentity(channelA, "10.0.0.1@a", LanguageCode.JAVA, 453);
    private final ClientIdentity clientB = new ClientIdentity(channelB, "10.0.0.2@b", LanguageCode.JAVA, 453);

    @Test
    void aClosedConnectionLeavesProducerAndConsumerGroups() {
        producers.register("pg", clientA);
        consumers.register(clientA, ConsumerGroupRegistryTest.consumer("cg"), false);
        consumers.register(clientB, ConsumerGroupRegistryTest.consumer("cg"), false);
        notified.clear();

        new ClientChannelEvents(producers, consumers).onClosed(channelA);

        assertThat(producers.groups()).isEmpty();
        assertThat(consumers.consumerIds("cg")).containsExactly("10.0.0.2@b");
        assertThat(notified).containsExactly("cg[10.0.0.2:1002]");
    }

    @Test
    void theExpiryScanDropsSilentClientsOfBothKinds() {
        ClientChannelExpiryService expiry = new ClientChannelExpiryService(producers, consumers, 120, 10_000);
        producers.register("pg", clientA);
        consumers.register(clientA, ConsumerGroupRegistryTest.consumer("cg"), false);
        consumers.register(clientB, ConsumerGroupRegistryTest.consumer("cg"), false);
        notified.clear();

        clock.advanceMillis(100_000);
        consumers.register(clientB, ConsumerGroupRegistryTest.consumer("cg"), false);
        expiry.runOnce();
        assertThat(consumers.consumerIds("cg")).hasSize(2);

        clock.advanceMillis(20_001);
        expiry.runOnce();

        assertThat(producers.groups()).isEmpty();
        assertThat(consumers.consumerIds("cg")).containsExactly("10.0.0.2@b");
        assertThat(notified).containsExactly("cg[10.0.0.2:1002]");
        assertThat(channelA.isActive())
                .as("the connection is left to the server's idle handler")
                .isTrue();
    }

    @Test
    void theIdleTimeMustBePositive() {
        assertThatThrownBy(() -> new ClientChannelExpiryService(producers, consumers, 0, 10_000))
                .hasMessageContaining("clientChannelMaxIdleTimeSeconds");
    }
}
