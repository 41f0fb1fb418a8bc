package io.couriermq.store;

import static io.couriermq.common.architecture.EngineArchitecture.BROKER;
import static io.couriermq.common.architecture.EngineArchitecture.CLIENT;
import static io.couriermq.common.architecture.EngineArchitecture.FILTER;
import static io.couriermq.common.architecture.EngineArchitecture.NAMESRV;
import static io.couriermq.common.architecture.EngineArchitecture.NETTY;
import static io.couriermq.common.architecture.EngineArchitecture.REMOTING;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.couriermq.common.architecture.EngineArchitecture;
import org.junit.jupiter.api.Test;

/** The store never sees the network: no Netty, no remoting, nothing of the modules above it. */
class StoreArchitectureTest {

    @Test
    void followsTheEngineRules() {
        assertThatCode(() -> EngineArchitecture.check(
                        "io.couriermq.store", REMOTING, NETTY, CLIENT, NAMESRV, BROKER, FILTER))
                .doesNotThrowAnyException();
    }
}
