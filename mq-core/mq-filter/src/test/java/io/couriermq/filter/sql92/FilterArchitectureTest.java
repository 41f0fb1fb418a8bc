package io.couriermq.filter.sql92;

import static io.couriermq.common.architecture.EngineArchitecture.BROKER;
import static io.couriermq.common.architecture.EngineArchitecture.CLIENT;
import static io.couriermq.common.architecture.EngineArchitecture.NAMESRV;
import static io.couriermq.common.architecture.EngineArchitecture.NETTY;
import static io.couriermq.common.architecture.EngineArchitecture.REMOTING;
import static io.couriermq.common.architecture.EngineArchitecture.STORE;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.couriermq.common.architecture.EngineArchitecture;
import org.junit.jupiter.api.Test;

/** The filter knows messages only as properties: nothing of the network, the store or its users. */
class FilterArchitectureTest {

    @Test
    void followsTheEngineRules() {
        assertThatCode(() -> EngineArchitecture.check(
                        "io.couriermq.filter", REMOTING, NETTY, STORE, CLIENT, NAMESRV, BROKER))
                .doesNotThrowAnyException();
    }
}
