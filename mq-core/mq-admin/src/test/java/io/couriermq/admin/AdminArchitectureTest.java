package io.couriermq.admin;

import static io.couriermq.common.architecture.EngineArchitecture.BROKER;
import static io.couriermq.common.architecture.EngineArchitecture.CLIENT;
import static io.couriermq.common.architecture.EngineArchitecture.NAMESRV;
import static io.couriermq.common.architecture.EngineArchitecture.STORE;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.couriermq.common.architecture.EngineArchitecture;
import org.junit.jupiter.api.Test;

class AdminArchitectureTest {

    @Test
    void followsTheEngineRules() {
        assertThatCode(() -> EngineArchitecture.check("io.couriermq.admin", STORE, NAMESRV, BROKER, CLIENT))
                .doesNotThrowAnyException();
    }
}
