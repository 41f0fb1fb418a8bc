package io.couriermq.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.client.ClientException;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class PendingRepliesTest {
    private final PendingReplies replies = new PendingReplies();

    @Test
    void aPushedReplyCompletesItsRequestWithBodyAndProperties() {
        CompletableFuture<ReceivedMessage> waiting = replies.register("c-1", 10_000);

        RemotingCommand push = RemotingCommand.request(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT)
                .extField("topic", "DefaultCluster_REPLY_TOPIC")
                .extField("queueId", "0")
                .extField("sysFlag", "0")
                .extField("bornTimestamp", "1700000000000")
                .extField("storeTimestamp", "1700000000005")
                .extField("properties", "CORRELATION_ID\u0001c-1\u0002MSG_TYPE\u0001reply\u0002")
                .body("pong".getBytes(StandardCharsets.UTF_8))
                .build();
        ReceivedMessage reply = PushedReply.decode(push, 42);
        replies.complete(reply.property("CORRELATION_ID"), reply);

        ReceivedMessage received = waiting.join();
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo("pong");
        assertThat(received.topic()).isEqualTo("DefaultCluster_REPLY_TOPIC");
        assertThat(received.property("ARRIVE_TIME")).isEqualTo("42");
        assertThat(received.storeTimestampMs()).isEqualTo(1700000000005L);
        assertThat(replies.size()).isZero();
    }

    @Test
    void aRequestWithoutReplyTimesOutAndALateReplyIsIgnored() {
        CompletableFuture<ReceivedMessage> waiting = replies.register("c-2", 1);

        assertThatThrownBy(waiting::join)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ClientException.class)
                .hasMessageContaining("no reply to request c-2 within 1 ms");
        replies.complete("c-2", null);
        assertThat(replies.size()).isZero();
    }
}
