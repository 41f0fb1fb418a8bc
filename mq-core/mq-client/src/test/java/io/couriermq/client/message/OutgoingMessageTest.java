package io.couriermq.client.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.client.ClientException;
import io.couriermq.common.message.MessageSysFlag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutgoingMessageTest {

    @Test
    void carriesTagsKeysUserPropertiesAndSchedules() {
        OutgoingMessage message = OutgoingMessage.builder("T", new byte[] {1})
                .tags("a")
                .keys("k1", "k2")
                .property("color", "red")
                .delayLevel(3)
                .build();

        assertThat(message.properties())
                .containsEntry("TAGS", "a")
                .containsEntry("KEYS", "k1 k2")
                .containsEntry("color", "red")
                .containsEntry("DELAY", "3");
        assertThat(message.delayLevel()).isEqualTo(3);
        assertThat(OutgoingMessage.builder("T", new byte[1])
                        .deliverAt(Instant.ofEpochMilli(123_456))
                        .build()
                        .property("TIMER_DELIVER_MS"))
                .isEqualTo("123456");
        assertThat(OutgoingMessage.builder("T", new byte[1])
                        .deliverAfter(Duration.ofSeconds(2))
                        .build()
                        .property("TIMER_DELAY_MS"))
                .isEqualTo("2000");
    }

    @Test
    void refusesWhatWouldCorruptTheWireOrShadowSystemProperties() {
        OutgoingMessage.Builder builder = OutgoingMessage.builder("T", new byte[1]);
        assertThatThrownBy(() -> builder.property("UNIQ_KEY", "x")).hasMessageContaining("system property");
        assertThatThrownBy(() -> builder.property("a", "x\u0001y")).hasMessageContaining("separator");
        assertThatThrownBy(() -> builder.keys("with space")).hasMessageContaining("must not contain a space");
        assertThatThrownBy(() -> builder.delayLevel(19)).hasMessageContaining("0..18");
        assertThatThrownBy(() -> builder.deliverAfter(Duration.ofSeconds(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> OutgoingMessage.builder(" ", new byte[1])).hasMessageContaining("topic");
    }

    @Test
    void reservedPropertyNamesAreTheOnesTheBuilderRefuses() {
        assertThat(OutgoingMessage.isReservedPropertyName("UNIQ_KEY")).isTrue();
        assertThat(OutgoingMessage.isReservedPropertyName("CORRELATION_ID")).isTrue();
        assertThat(OutgoingMessage.isReservedPropertyName("region")).isFalse();
        assertThat(OutgoingMessage.isReservedPropertyName(null)).isFalse();
        assertThatThrownBy(() -> OutgoingMessage.builder("T", new byte[1]).property("TAGS", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OutgoingMessage.builder("T", new byte[1])
                        .property("region", "eu")
                        .build()
                        .property("region"))
                .isEqualTo("eu");
    }

    @Test
    void compressionRoundTripsAndCorruptBodiesFailClearly() {
        byte[] body = "hello ".repeat(1_000).getBytes(StandardCharsets.UTF_8);
        byte[] compressed = BodyCompression.compress(body);

        assertThat(BodyCompression.decompress(compressed, BodyCompression.ZLIB_FLAGS))
                .isEqualTo(body);
        assertThat(BodyCompression.decompress(compressed, MessageSysFlag.COMPRESSED))
                .as("4.x producers set no type bits")
                .isEqualTo(body);
        assertThat(BodyCompression.decompress(body, 0)).isSameAs(body);
        assertThatThrownBy(() -> BodyCompression.decompress(new byte[] {1, 2, 3}, BodyCompression.ZLIB_FLAGS))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("corrupt");
        assertThatThrownBy(() -> BodyCompression.decompress(compressed, MessageSysFlag.COMPRESSED | 0x100))
                .hasMessageContaining("only zlib");
    }
}
