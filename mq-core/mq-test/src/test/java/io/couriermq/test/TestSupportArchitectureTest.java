package io.couriermq.test;

import static io.couriermq.common.architecture.EngineArchitecture.CLIENT;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.couriermq.common.architecture.EngineArchitecture;
import org.junit.jupiter.api.Test;

class TestSupportArchitectureTest {

    @Test
    void followsTheEngineRules() {
        // The cluster is the server side a client is tested against; it must not need the client.
        assertThatCode(() -> EngineArchitecture.check("io.couriermq.test", CLIENT))
                .doesNotThrowAnyException();
    }
}
