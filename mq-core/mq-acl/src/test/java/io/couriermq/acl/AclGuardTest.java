package io.couriermq.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.acl.check.AccessPolicy;
import io.couriermq.acl.check.AccessValidator;
import io.couriermq.acl.check.DenialReason;
import io.couriermq.acl.file.AclFileLocations;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.remoting.security.RequestSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AclGuardTest {
    @TempDir
    Path dir;

    private static final RemotingChannel CLIENT = new RemotingChannel() {
        @Override
        public String remoteAddress() {
            return "127.0.0.1:50000";
        }

        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> invokeOneway(RemotingCommand request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    };

    @Test
    void refusesWithRocketMqsCodeAndRemarkAndCountsByReason() throws IOException {
        Path file = dir.resolve("plain_acl.yml");
        Files.writeString(
                file, "accounts:\n  - accessKey: RocketMQ\n    secretKey: 12345678\n    defaultTopicPerm: PUB\n");
        ManualClock clock = new ManualClock(0);
        AclRefusals refusals = new AclRefusals();
        try (AclService service = AclService.open(AclFileLocations.of(file), clock, 0)) {
            AclGuard guard = new AclGuard(service, refusals, clock);
            RemotingCommand send = RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                    .extField("b", "TopicA")
                    .build();

            assertThat(guard.refuse(CLIENT, RequestSignature.sign(send, new Credentials("RocketMQ", "12345678"))))
                    .isNull();
            RemotingCommand refusal =
                    guard.refuse(CLIENT, RequestSignature.sign(send, new Credentials("RocketMQ", "87654321")));
            assertThat(refusal.code()).isEqualTo(1);
            assertThat(refusal.isResponse()).isTrue();
            assertThat(refusal.remark())
                    .startsWith("org.apache.rocketmq.acl.common.AclException: Check signature failed for"
                            + " accessKey=RocketMQ, ");
            guard.refuse(CLIENT, send);
            guard.refuse(CLIENT, send);

            assertThat(refusals.count(DenialReason.BAD_SIGNATURE)).isEqualTo(1);
            assertThat(refusals.count(DenialReason.NO_ACCESS_KEY)).isEqualTo(2);
            assertThat(refusals.total()).isEqualTo(3);
        }
    }

    @Test
    void aPolicyDecidesWhichRequestsAreChecked() throws IOException {
        Path file = dir.resolve("plain_acl.yml");
        Files.writeString(file, "accounts:\n  - accessKey: RocketMQ\n    secretKey: 12345678\n");
        ManualClock clock = new ManualClock(0);
        AclRefusals refusals = new AclRefusals();
        AccessPolicy onlyDeletes =
                (accounts, address, request) -> request.code() == RequestCode.DELETE_TOPIC_IN_NAMESRV.code()
                        ? AccessValidator.checkAdmin(accounts, address, request)
                        : null;
        try (AclService service = AclService.open(AclFileLocations.of(file), clock, 0)) {
            AclGuard guard = new AclGuard(service, onlyDeletes, refusals, clock);
            RemotingCommand route = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                    .extField("topic", "TopicA")
                    .build();
            RemotingCommand delete = RemotingCommand.request(RequestCode.DELETE_TOPIC_IN_NAMESRV)
                    .extField("topic", "TopicA")
                    .build();

            assertThat(guard.refuse(CLIENT, route)).isNull();
            RemotingCommand refusal =
                    guard.refuse(CLIENT, RequestSignature.sign(delete, new Credentials("RocketMQ", "12345678")));
            assertThat(refusal.code()).isEqualTo(1);
            assertThat(refusal.remark())
                    .startsWith("org.apache.rocketmq.acl.common.AclException: Need admin permission for request"
                            + " code=216, but accessKey=RocketMQ is not, ");
            assertThat(refusals.count(DenialReason.NEED_ADMIN)).isEqualTo(1);
        }
    }
}
