package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a standalone broker looks for its embedded NameServer, given the NameServer's bind address. */
class BrokerLifecycleTest {

    @Test
    void aNameServerOnEveryInterfaceIsReachedOverLoopbackAndOneOnOneAddressThere() {
        assertThat(BrokerLifecycle.nameServerHost("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(BrokerLifecycle.nameServerHost("::")).isEqualTo("127.0.0.1");
        assertThat(BrokerLifecycle.nameServerHost("127.0.0.2")).isEqualTo("127.0.0.2");
        assertThat(BrokerLifecycle.nameServerHost("10.0.0.5")).isEqualTo("10.0.0.5");
    }
}
