package io.couriermq.common.message.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.common.message.StoredMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private static final InetSocketAddress V4 = new InetSocketAddress("10.0.0.1", 10911);

    @Test
    void roundTripsAnIpv4RecordWithV1MagicAndTheDocumentedSize() {
        Message message = sample("TopicA", V4, V4);
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        int size = MessageEncoder.encode(message, buffer, 1024);
        MessageEncoder.stamp(buffer, 0, 7, 4096, 1_700_000_000_000L);

        int expected = 4
                + 4
                + 4
                + 4
                + 4
                + 8
                + 8
                + 4
                + 8
                + 8
                + 8
                + 8
                + 4
                + 8
                + 4
                + 5
                + 1
                + 6
                + 2
                + message.properties().entrySet().stream()
                        .mapToInt(e -> e.getKey().length() + e.getValue().length() + 2)
                        .sum();
        assertThat(size).isEqualTo(expected).isEqualTo(buffer.position());
        assertThat(buffer.getInt(4)).isEqualTo(RecordLayout.MAGIC_V1).isEqualTo(-626843481);

        StoredMessage stored = MessageDecoder.decode(buffer, 0);
        assertThat(stored.message()).isEqualTo(message);
        assertThat(stored.queueOffset()).isEqualTo(7);
        assertThat(stored.commitLogOffset()).isEqualTo(4096);
        assertThat(stored.storeTimestampMs()).isEqualTo(1_700_000_000_000L);
        assertThat(stored.bodyCrc()).isEqualTo(crcOf("hello"));
    }

    @Test
    void theBodyCrcIsWrittenIntoTheRecordWhereverItStartsInTheBuffer() {
        Message message = sample("TopicA", V4, V4);
        ByteBuffer buffer = ByteBuffer.allocate(2048).position(333);
        MessageEncoder.encode(message, buffer, 1024);
        assertThat(buffer.getInt(333 + RecordLayout.BODY_CRC_OFFSET)).isEqualTo(crcOf("hello"));
        assertThat(buffer.getInt(RecordLayout.BODY_CRC_OFFSET)).isZero();
        assertThat(MessageDecoder.decode(buffer, 333).message()).isEqualTo(message);
    }

    @Test
    void ipv6HostsSetTheirSysFlagBitsAndTakeTwentyBytes() throws Exception {
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 9876);
        Message message = sample("TopicA", v6, v6);
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        int size = MessageEncoder.encode(message, buffer, 1024);
        StoredMessage stored = MessageDecoder.decode(buffer, 0);

        assertThat(size)
                .isEqualTo(MessageEncoder.encode(sample("TopicA", V4, V4), ByteBuffer.allocate(1024), 1024) + 24);
        assertThat(stored.message().sysFlag())
                .isEqualTo(MessageSysFlag.BORNHOST_V6 | MessageSysFlag.STOREHOST_V6 | MessageSysFlag.COMPRESSED);
        assertThat(stored.message().bornHost()).isEqualTo(v6);
        assertThat(stored.message().storeHost()).isEqualTo(v6);
    }

    @Test
    void topicsLongerThan127BytesUseV2Magic() {
        String topic = "t".repeat(200);
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        MessageEncoder.encode(sample(topic, V4, V4), buffer, 2048);
        assertThat(buffer.getInt(4)).isEqualTo(RecordLayout.MAGIC_V2);
        assertThat(MessageDecoder.decode(buffer, 0).message().topic()).isEqualTo(topic);
    }

    @Test
    void refusesRecordsOverTheLimit() {
        Message message = Message.builder("T", 0).body(new byte[2000]).build();
        assertThatThrownBy(() -> MessageEncoder.encode(message, ByteBuffer.allocate(4096), 1024))
                .isInstanceOfSatisfying(RecordEncodingException.class, e -> assertThat(e.reason())
                        .isEqualTo(RecordEncodingException.Reason.RECORD_TOO_LARGE))
                .hasMessageContaining("topic T");
    }

    @Test
    void validatorFindsRecordsBlanksZerosAndDamage() {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        int size = MessageEncoder.encode(sample("TopicA", V4, V4), buffer, 1024);
        MessageEncoder.writeBlank(buffer, size, 1024 - size);

        assertThat(RecordValidator.check(buffer, 0, 1024, true)).isEqualTo(RecordCheck.record(size));
        assertThat(RecordValidator.check(buffer, size, 1024, true).kind()).isEqualTo(RecordCheck.Kind.BLANK);
        assertThat(RecordValidator.check(ByteBuffer.allocate(64), 0, 64, true).kind())
                .isEqualTo(RecordCheck.Kind.END_OF_DATA);
        assertThat(RecordValidator.check(buffer, 0, size - 1, true).kind()).isEqualTo(RecordCheck.Kind.CORRUPT);

        int bodyIndex = RecordView.at(buffer, 0).bodyStart();
        buffer.put(bodyIndex, (byte) 'j');
        assertThat(RecordValidator.check(buffer, 0, 1024, false).kind()).isEqualTo(RecordCheck.Kind.RECORD);
        assertThat(RecordValidator.check(buffer, 0, 1024, true).detail()).contains("CRC");
    }

    @Test
    void decodeAllReadsAConcatenationOfRecords() {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        MessageEncoder.encode(sample("A", V4, V4), buffer, 1024);
        MessageEncoder.encode(sample("B", V4, V4), buffer, 1024);
        buffer.flip();
        assertThat(MessageDecoder.decodeAll(buffer))
                .extracting(m -> m.message().topic())
                .containsExactly("A", "B");
    }

    private static Message sample(String topic, InetSocketAddress born, InetSocketAddress store) {
        return Message.builder(topic, 3)
                .flag(5)
                .sysFlag(MessageSysFlag.COMPRESSED)
                .body("hello".getBytes(StandardCharsets.UTF_8))
                .tags("TagA")
                .keys("k1 k2")
                .property("UNIQ_KEY", "ABC")
                .bornTimestampMs(1234)
                .bornHost(born)
                .storeHost(store)
                .reconsumeTimes(2)
                .preparedTransactionOffset(99)
                .build();
    }

    private static int crcOf(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }
}
