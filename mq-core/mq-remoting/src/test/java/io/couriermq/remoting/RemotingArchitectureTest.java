package io.couriermq.remoting;

import static io.couriermq.common.architecture.EngineArchitecture.BROKER;
import static io.couriermq.common.architecture.EngineArchitecture.CLIENT;
import static io.couriermq.common.architecture.EngineArchitecture.FILTER;
import static io.couriermq.common.architecture.EngineArchitecture.NAMESRV;
import static io.couriermq.common.architecture.EngineArchitecture.STORE;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.common.architecture.EngineArchitecture;
import org.junit.jupiter.api.Test;

class RemotingArchitectureTest {

    @Test
    void followsTheEngineRules() {
        assertThatCode(() -> EngineArchitecture.check("io.couriermq.remoting", STORE, FILTER, CLIENT, NAMESRV, BROKER))
                .doesNotThrowAnyException();
    }

    @Test
    void theRulesSeeDependenciesOnOtherJars() {
        assertThatThrownBy(() -> EngineArchitecture.check("io.couriermq.remoting", EngineArchitecture.NETTY))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.netty");
    }
}
