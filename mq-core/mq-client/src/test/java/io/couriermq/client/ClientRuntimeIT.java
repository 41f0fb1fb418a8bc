package io.couriermq.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.support.FreePort;
import io.couriermq.client.support.LocalCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's connectivity probe against a real in-process NameServer and two brokers. */
class ClientRuntimeIT {
    @TempDir
    Path dir;

    @Test
    void aProbeTellsReachableFromUnreachableServers() {
        String dead = "127.0.0.1:" + FreePort.closed();
        try (LocalCluster cluster = new LocalCluster(dir, 2);
                ClientRuntime runtime =
                        ClientRuntime.start(ClientConfig.builder(dead + ";" + cluster.nameServerAddress())
                                .instanceName("probing")
                                .build());
                Producer producer = Producer.start(
                        runtime, ProducerConfig.builder("probing").build())) {
            cluster.createTopic("Probed", 2);
            producer.send(OutgoingMessage.builder("Probed", new byte[] {1}).build());
            String brokerB = runtime.routes().cached("Probed").masterAddress("broker-b");

            Connectivity all = runtime.probe().join();

            assertThat(all.anyNameServerReachable()).isTrue();
            assertThat(all.nameServersReachable()).containsExactly(cluster.nameServerAddress());
            assertThat(all.nameServersUnreachable()).containsExactly(dead);
            assertThat(all.brokersReachable()).hasSize(2).containsEntry(brokerB, true);
            assertThat(all.allBrokersReachable()).isTrue();

            cluster.stopBroker("broker-b");
            Connectivity withoutB = runtime.probe().join();

            assertThat(withoutB.brokersReachable()).containsEntry(brokerB, false);
            assertThat(withoutB.allBrokersReachable()).isFalse();
            assertThat(withoutB.checkedAtMs()).isGreaterThanOrEqualTo(all.checkedAtMs());
        }
    }

    @Test
    void aProbeOfAClosedRuntimeReportsEverythingUnreachableInsteadOfFailing() {
        String dead = "127.0.0.1:" + FreePort.closed();
        ClientRuntime runtime = ClientRuntime.start(
                ClientConfig.builder(dead).instanceName("closed").build());
        Connectivity before = runtime.probe().join();
        runtime.close();
        Connectivity after = runtime.probe().join();

        assertThat(before.anyNameServerReachable()).isFalse();
        assertThat(before.nameServersUnreachable()).containsExactly(dead);
        assertThat(after.nameServersUnreachable()).containsExactly(dead);
        assertThat(after.brokersReachable()).isEmpty();
    }
}
