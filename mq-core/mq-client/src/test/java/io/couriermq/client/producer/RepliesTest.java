package io.couriermq.client.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepliesTest {
    private static final ReceivedMessage REQUEST = new ReceivedMessage(
            "Orders",
            "broker-a",
            0,
            7,
            700,
            "id-7",
            "off-7",
            new byte[] {1},
            Map.of("CLUSTER", "DefaultCluster", "CORRELATION_ID", "c-7", "REPLY_TO_CLIENT", "client-1", "TTL", "3000"),
            0,
            0,
            0,
            0);

    @Test
    void aReplyCarriesUserPropertiesNextToTheRoutingOnes() {
        OutgoingMessage reply = Replies.replyTo(REQUEST, new byte[] {2}, Map.of("status", "ok", "code", "200"));

        assertThat(reply.topic()).isEqualTo("DefaultCluster_REPLY_TOPIC");
        assertThat(reply.properties())
                .containsEntry("status", "ok")
                .containsEntry("code", "200")
                .containsEntry("CORRELATION_ID", "c-7")
                .containsEntry("REPLY_TO_CLIENT", "client-1")
                .containsEntry("MSG_TYPE", "reply")
                .containsEntry("TTL", "3000");
    }

    @Test
    void aUserPropertyMayNotTakeAReservedName() {
        assertThatThrownBy(() -> Replies.replyTo(REQUEST, new byte[] {2}, Map.of("CORRELATION_ID", "forged")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CORRELATION_ID");
    }
}
