package io.couriermq.broker;

import static io.couriermq.common.architecture.EngineArchitecture.CLIENT;
import static io.couriermq.common.architecture.EngineArchitecture.NAMESRV;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.couriermq.common.architecture.EngineArchitecture;
import org.junit.jupiter.api.Test;

class BrokerArchitectureTest {

    @Test
    void followsTheEngineRules() {
        assertThatCode(() -> EngineArchitecture.check("io.couriermq.broker", CLIENT, NAMESRV))
                .doesNotThrowAnyException();
    }
}
