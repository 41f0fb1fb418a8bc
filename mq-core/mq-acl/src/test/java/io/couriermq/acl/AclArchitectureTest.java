package io.couriermq.acl;

import static io.couriermq.common.architecture.EngineArchitecture.BROKER;
import static io.couriermq.common.architecture.EngineArchitecture.CLIENT;
import static io.couriermq.common.architecture.EngineArchitecture.NAMESRV;
import static io.couriermq.common.architecture.EngineArchitecture.NETTY;
import static io.couriermq.common.architecture.EngineArchitecture.STORE;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.couriermq.common.architecture.EngineArchitecture;
import org.junit.jupiter.api.Test;

/** ACL sees requests and channels only through mq-remoting's protocol and rpc types: no Netty, no users. */
class AclArchitectureTest {

    @Test
    void followsTheEngineRules() {
        assertThatCode(() -> EngineArchitecture.check("io.couriermq.acl", NETTY, STORE, CLIENT, NAMESRV, BROKER))
                .doesNotThrowAnyException();
    }
}
