package io.couriermq.namesrv;

import static io.couriermq.common.architecture.EngineArchitecture.BROKER;
import static io.couriermq.common.architecture.EngineArchitecture.CLIENT;
import static io.couriermq.common.architecture.EngineArchitecture.FILTER;
import static io.couriermq.common.architecture.EngineArchitecture.STORE;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.couriermq.common.architecture.EngineArchitecture;
import org.junit.jupiter.api.Test;

class NamesrvArchitectureTest {

    @Test
    void followsTheEngineRules() {
        assertThatCode(() -> EngineArchitecture.check("io.couriermq.namesrv", STORE, FILTER, CLIENT, BROKER))
                .doesNotThrowAnyException();
    }
}
