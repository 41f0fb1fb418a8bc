package io.couriermq.common.message.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageIdAndBatchTest {

    @Test
    void offsetMsgIdMatchesTheVerifiedExample() {
        InetSocketAddress host = new InetSocketAddress("10.0.0.1", 10911);
        String id = MessageId.encode(host, 4096);
        assertThat(id).isEqualTo("0A00000100002A9F0000000000001000");
        assertThat(MessageId.decode(id)).isEqualTo(new MessageId(host, 4096));
    }

    @Test
    void offsetMsgIdOfAnIpv6HostHas56Characters() throws Exception {
        InetSocketAddress host = new InetSocketAddress(InetAddress.getByName("fe80::1"), 10911);
        String id = MessageId.encode(host, 77);
        assertThat(id).hasSize(56);
        assertThat(MessageId.decode(id)).isEqualTo(new MessageId(host, 77));
        assertThatThrownBy(() -> MessageId.decode("XYZ")).isInstanceOf(MalformedRecordException.class);
        // a unique key is 32 hex characters too; its "port" bytes are rarely a valid port
        assertThatThrownBy(() -> MessageId.decode("7F0000016C65ABCD0000000000000000"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("port out of range");
    }

    @Test
    void batchBodyRoundTripsAndIgnoresMagicAndCrc() {
        List<BatchEntry> entries = List.of(
                new BatchEntry(1, "a".getBytes(), Map.of("UNIQ_KEY", "U1")),
                new BatchEntry(2, "bb".getBytes(), Map.of("UNIQ_KEY", "U2", "TAGS", "t")));
        ByteBuffer body = BatchCodec.encode(entries);
        body.putInt(4, 0x12345678); // a producer may write anything into the ignored fields
        List<BatchEntry> decoded = BatchCodec.decode(body);
        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(1).flag()).isEqualTo(2);
        assertThat(decoded.get(1).body()).containsExactly('b', 'b');
        assertThat(decoded.get(1).properties()).containsEntry("UNIQ_KEY", "U2");
        assertThat(decoded).isEqualTo(entries);
    }

    @Test
    void decodedBodiesAreReadOnlyViewsOfTheBatchAndTheirCopiesAreDetached() {
        ByteBuffer body = BatchCodec.encode(List.of(new BatchEntry(0, "abc".getBytes(), Map.of())));
        BatchEntry entry = BatchCodec.decode(body).get(0);
        byte[] copy = entry.body();
        copy[0] = 'z';
        assertThat(entry.bodyView().isReadOnly()).isTrue();
        assertThat(entry.bodyView()).isEqualTo(ByteBuffer.wrap("abc".getBytes()));
        body.put(body.limit() - 2 - 3, (byte) 'x'); // the first body byte: properties length 2 and body 3 from the end
        assertThat(entry.bodyView()).isEqualTo(ByteBuffer.wrap("xbc".getBytes()));
    }

    @Test
    void truncatedBatchIsRejectedWithItsPosition() {
        ByteBuffer body = BatchCodec.encode(List.of(new BatchEntry(1, new byte[10], Map.of())));
        ByteBuffer truncated = body.limit(body.limit() - 3);
        assertThatThrownBy(() -> BatchCodec.decode(truncated))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("batch entry 0");
    }
}
