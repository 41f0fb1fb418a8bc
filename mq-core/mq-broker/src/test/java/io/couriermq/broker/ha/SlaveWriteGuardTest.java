package io.couriermq.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.Test;

class SlaveWriteGuardTest {

    @Test
    void adminOffsetResetsAndClonesAreWritesASlaveRefuses() throws Exception {
        SlaveWriteGuard guard = new SlaveWriteGuard("broker-a", () -> "127.0.0.1:10911");

        for (RequestCode code :
                new RequestCode[] {RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, RequestCode.CLONE_GROUP_OFFSET}) {
            RemotingCommand answer = guard.guard((context, request) -> {
                        throw new AssertionError("a slave must not run " + request);
                    })
                    .process(null, RemotingCommand.request(code).build());

            assertThat(answer.code()).as(code.name()).isEqualTo(ResponseCode.SERVICE_NOT_AVAILABLE.code());
            assertThat(answer.remark()).contains("127.0.0.1:10911");
        }
        assertThat(SlaveWriteGuard.isWrite(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS.code()))
                .isFalse();
    }
}
