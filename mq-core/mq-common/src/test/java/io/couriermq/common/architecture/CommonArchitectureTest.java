package io.couriermq.common.architecture;

import static io.couriermq.common.architecture.EngineArchitecture.BROKER;
import static io.couriermq.common.architecture.EngineArchitecture.CLIENT;
import static io.couriermq.common.architecture.EngineArchitecture.FILTER;
import static io.couriermq.common.architecture.EngineArchitecture.NAMESRV;
import static io.couriermq.common.architecture.EngineArchitecture.NETTY;
import static io.couriermq.common.architecture.EngineArchitecture.REMOTING;
import static io.couriermq.common.architecture.EngineArchitecture.STORE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommonArchitectureTest {

    @Test
    void commonDependsOnNoOtherModule() {
        EngineArchitecture.check("io.couriermq.common", REMOTING, STORE, FILTER, CLIENT, NAMESRV, BROKER, NETTY);
    }

    @Test
    void theRulesCatchAForbiddenDependency() {
        // The time package reads the system clock by design; forbidding common itself must fail.
        assertThatThrownBy(() -> EngineArchitecture.check("io.couriermq.common", "io.couriermq.common.time.."))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.couriermq.common.time");
    }
}
