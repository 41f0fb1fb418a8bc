package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.config.BrokerSettingsLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BrokerKeysTest {

    @Test
    void springSpellingsMapToTheBrokerConfKey() {
        assertThat(BrokerKeys.toBrokerKey("listen-port")).isEqualTo("listenPort");
        assertThat(BrokerKeys.toBrokerKey("LISTENPORT")).isEqualTo("listenPort");
        assertThat(BrokerKeys.toBrokerKey("broker-ip1")).isEqualTo("brokerIP1");
        assertThat(BrokerKeys.toBrokerKey("check-crc-on-recover")).isEqualTo("checkCRCOnRecover");
        assertThat(BrokerKeys.toBrokerKey("ha-listen-port")).isEqualTo("haListenPort");
    }

    @Test
    void onlyASingleTypoEarnsASuggestion() {
        assertThat(BrokerKeys.closest("listenProt")).contains("listenPort");
        assertThat(BrokerKeys.closest("brokerNme")).contains("brokerName");
        assertThat(BrokerKeys.closest("fetchNamesrvAddrByAddressServer")).isEmpty();
    }

    @Test
    void everyKeyTheLoaderKnowsHasIdeMetadata() throws IOException {
        String metadata;
        try (InputStream in =
                getClass().getResourceAsStream("/META-INF/additional-spring-configuration-metadata.json")) {
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(BrokerSettingsLoader.knownKeys())
                .allSatisfy(key -> assertThat(metadata).contains("broker.conf key: " + key + "."));
    }
}
