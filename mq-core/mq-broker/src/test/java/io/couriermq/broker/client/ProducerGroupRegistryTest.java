package io.couriermq.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.body.ProducerConnection;
import io.couriermq.remoting.rpc.RemotingChannel;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProducerGroupRegistryTest {
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final ProducerGroupRegistry registry = new ProducerGroupRegistry(clock);
    private final FakeRemotingChannel channelA = new FakeRemotingChannel("10.0.0.1:1001");
    private final FakeRemotingChannel channelB = new FakeRemotingChannel("10.0.0.2:1002");
    private final ClientIdentity clientA = new ClientIdentity(channelA, "10.0.0.1@a", LanguageCode.JAVA, 453);
    private final ClientIdentity clientB = new ClientIdentity(channelB, "10.0.0.2@b", LanguageCode.GO, 1);

    @Test
    void checkBacksRotateOverTheLiveMembersOfTheGroup() {
        registry.register("pg", clientA);
        registry.register("pg", clientB);

        Set<RemotingChannel> picked = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            picked.add(registry.anyProducerChannel("pg").orElseThrow());
        }
        assertThat(picked).containsExactlyInAnyOrder(channelA, channelB);

        channelB.close();
        assertThat(registry.anyProducerChannel("pg")).contains(channelA);
        assertThat(registry.anyProducerChannel("unknown")).isEmpty();
    }

    @Test
    void membersLeaveOnCloseUnregisterAndSilence() {
        registry.register("pg", clientA);
        registry.register("pg", clientB);
        registry.register("other", clientA);

        registry.channelClosed(channelA);
        assertThat(registry.groups()).containsExactly("pg");

        assertThat(registry.unregister("pg", "10.0.0.2@b")).isTrue();
        assertThat(registry.groups()).isEmpty();

        registry.register("pg", clientA);
        clock.advanceMillis(120_001);
        assertThat(registry.expireSilent(120_000)).hasSize(1);
        assertThat(registry.anyProducerChannel("pg")).isEmpty();
    }

    @Test
    void theConnectionListShowsEveryMember() {
        registry.register("pg", clientB);
        registry.register("pg", clientA);

        ProducerConnection connection = registry.connection("pg").orElseThrow();

        assertThat(connection.connectionSet())
                .extracting(c -> c.clientId() + " " + c.clientAddr() + " " + c.language() + " " + c.version())
                .containsExactly("10.0.0.1@a 10.0.0.1:1001 JAVA 453", "10.0.0.2@b 10.0.0.2:1002 GO 1");
        assertThat(registry.connection("unknown")).isEmpty();
    }
}
