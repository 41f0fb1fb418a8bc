package io.couriermq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientConfigTest {

    @Test
    void parsesTheNameServerListAndFormsTheClientId() {
        ClientConfig config = ClientConfig.builder(" 10.0.0.1:9876 ; 10.0.0.2:9876;")
                .instanceName("orders")
                .clientIp("10.1.1.1")
                .build();

        assertThat(config.nameServerAddresses()).containsExactly("10.0.0.1:9876", "10.0.0.2:9876");
        assertThat(config.clientId()).isEqualTo("10.1.1.1@orders");
    }

    @Test
    void refusesBadSettingsByName() {
        assertThatThrownBy(() -> ClientConfig.builder("").build()).hasMessageContaining("NameServer");
        assertThatThrownBy(() -> ClientConfig.builder("nohost").build()).hasMessageContaining("host:port");
        assertThatThrownBy(() -> ClientConfig.builder("h:1").requestTimeoutMs(0).build())
                .hasMessageContaining("requestTimeoutMs");
    }

    @Test
    void runtimesWithTheDefaultInstanceNameGetDistinctIdsAndNamedOnesKeepTheirs() {
        ClientConfig defaults =
                ClientConfig.builder("127.0.0.1:1").clientIp("10.0.0.9").build();
        ClientConfig named = ClientConfig.builder("127.0.0.1:1")
                .clientIp("10.0.0.9")
                .instanceName("orders")
                .build();
        try (ClientRuntime first = ClientRuntime.start(defaults);
                ClientRuntime second = ClientRuntime.start(defaults);
                ClientRuntime orders = ClientRuntime.start(named)) {
            assertThat(first.clientId()).startsWith("10.0.0.9@").isNotEqualTo(second.clientId());
            assertThat(orders.clientId()).isEqualTo("10.0.0.9@orders");
        }
    }
}
