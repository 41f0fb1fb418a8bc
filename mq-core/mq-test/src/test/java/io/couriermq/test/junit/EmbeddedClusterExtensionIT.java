package io.couriermq.test.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.test.EmbeddedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedClusterExtensionIT {

    @RegisterExtension
    static final EmbeddedClusterExtension cluster =
            new EmbeddedClusterExtension(EmbeddedCluster.builder().brokers(2));

    @Test
    void theClusterRunsDuringTheTests() {
        cluster.get().createTopic("Orders", 2);

        assertThat(cluster.get().brokerNames()).containsExactly("broker-a", "broker-b");
        assertThat(cluster.get().route("Orders").orElseThrow().brokerDatas()).hasSize(2);
        assertThat(cluster.get().directory()).isDirectory();
    }
}
