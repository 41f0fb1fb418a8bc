package io.couriermq.common.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The builder hands its copies to the message instead of copying again; what it was given stays apart. */
class MessageBuilderTest {
    @Test
    void aBodyArrayIsCopiedWhenGiven() {
        byte[] body = "abc".getBytes(StandardCharsets.UTF_8);
        Message message = Message.builder("T", 0).body(body).build();
        body[0] = 'z';
        assertThat(message.bodyBytes()).containsExactly('a', 'b', 'c');
    }

    @Test
    void aBodyBufferIsCopiedFromItsPositionAndLeftWhereItWas() {
        ByteBuffer body =
                ByteBuffer.wrap("xxabc".getBytes(StandardCharsets.UTF_8)).position(2);
        Message message = Message.builder("T", 0).body(body).build();
        body.put(2, (byte) 'z');
        assertThat(message.bodyBytes()).containsExactly('a', 'b', 'c');
        assertThat(body.position()).isEqualTo(2);
    }

    @Test
    void aPropertySetAfterBuildDoesNotReachTheBuiltMessage() {
        Message.Builder builder = Message.builder("T", 0).tags("a");
        Message first = builder.build();
        Message second = builder.keys("k").build();
        assertThat(first.properties()).containsOnlyKeys(MessageConst.TAGS);
        assertThat(second.properties()).containsOnlyKeys(MessageConst.TAGS, MessageConst.KEYS);
    }
}
