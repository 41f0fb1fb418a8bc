package io.couriermq.namesrv.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.netty.tls.TlsConfigurationException;
import io.couriermq.remoting.netty.tls.TlsMode;
import io.couriermq.remoting.netty.tls.TlsServerSettings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** courier.tls.* on the NameServer: RocketMQ's keys under Spring names; bad settings stop start-up. */
class NameServerTlsTest {

    @Test
    void nothingConfiguredMeansDisabled() {
        assertThat(NameServerTls.read(new MockEnvironment())).isEqualTo(TlsServerSettings.disabled());
    }

    @Test
    void aModeWithAMissingKeyFileFailsNamingTheKeyAndFile() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("courier.tls.server.mode", "enforcing")
                .withProperty("courier.tls.server.key-store-path", "/no/such/server.p12");

        assertThatThrownBy(() -> NameServerTls.read(environment))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageContaining("tls.server.keyStorePath=/no/such/server.p12")
                .hasMessageContaining("does not exist");
    }

    @Test
    void anUnknownNameIsRefused() {
        MockEnvironment environment = new MockEnvironment().withProperty("courier.tls.server.mdoe", "enforcing");

        assertThatThrownBy(() -> NameServerTls.read(environment))
                .hasMessageContaining("unknown TLS property courier.tls.server.mdoe");
    }

    @Test
    void theModeIsReadUnderItsSpringName() {
        MockEnvironment environment = new MockEnvironment().withProperty("courier.tls.server.mode", "DISABLED");

        assertThat(NameServerTls.read(environment).mode()).isEqualTo(TlsMode.DISABLED);
    }
}
