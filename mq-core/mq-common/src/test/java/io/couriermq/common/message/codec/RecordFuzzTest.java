package io.couriermq.common.message.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.fuzz.Fuzz;
import io.couriermq.common.fuzz.Mutator;
import io.couriermq.common.message.Message;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Generated stored records, valid (from {@link MessageEncoder}) and mutated, through {@link RecordValidator}
 * and {@link MessageDecoder}: the validator answers every input without throwing and never claims more
 * bytes than there are; the decoder throws nothing but {@link MalformedRecordException}.
 */
class RecordFuzzTest {
    private static final int INPUTS = 10_000;

    @Test
    void validatorAndDecoderAcceptOrRefuseEveryMutatedRecord() {
        Fuzz.of("record validator + decoder", RecordFuzzTest::mutatedRecords)
                .expecting(MalformedRecordException.class)
                .allocationBound(bytes -> bytes.length, 8)
                .run(INPUTS, RecordFuzzTest::validateThenDecode);
    }

    @Test
    void everyValidRecordRoundTrips() {
        Fuzz.of("record round trip", RecordFuzzTest::validMessage).run(INPUTS / 10, message -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            int size = MessageEncoder.encode(message, buffer, buffer.capacity());
            RecordCheck check = RecordValidator.check(buffer, 0, buffer.position(), true);
            assertThat(check.kind()).isEqualTo(RecordCheck.Kind.RECORD);
            assertThat(check.sizeBytes()).isEqualTo(size);
            // the stored sysFlag carries the hosts' IPv6 bits
            Message expected = message.toBuilder()
                    .sysFlag(MessageEncoder.storedSysFlag(message))
                    .build();
            assertThat(MessageDecoder.decode(buffer.flip(), 0).message()).isEqualTo(expected);
        });
    }

    /** A mutation that turns a record's port into 70000 made the decoder throw IllegalArgumentException. */
    @Test
    void aRecordWhoseHostPortIsOutOfRangeIsMalformed() {
        Message message = sample();
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        MessageEncoder.encode(message, buffer, 1024);
        buffer.putInt(RecordLayout.BORN_HOST_OFFSET + 4, 70_000);
        assertThat(RecordValidator.check(buffer, 0, buffer.position(), true).kind())
                .isEqualTo(RecordCheck.Kind.RECORD);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MessageDecoder.decode(buffer.flip(), 0))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("port");
    }

    private static void validateThenDecode(byte[] bytes) {
        // a record that does not start at index 0 checks the absolute indexing
        int start = bytes.length % 3;
        ByteBuffer buffer = ByteBuffer.allocate(start + bytes.length);
        buffer.position(start).put(bytes).position(start);
        RecordCheck check = RecordValidator.check(buffer, start, buffer.limit(), true);
        assertThat(check.sizeBytes()).isBetween(0, bytes.length);
        if (check.kind() == RecordCheck.Kind.RECORD) {
            MessageDecoder.decode(buffer, start);
        }
        MessageDecoder.decodeAll(buffer);
    }

    static byte[] mutatedRecords(SplittableRandom random) {
        List<byte[]> valid = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(4 * 1024);
        int records = 1 + random.nextInt(3);
        for (int i = 0; i < records; i++) {
            MessageEncoder.encode(validMessage(random), buffer, buffer.remaining());
        }
        if (random.nextInt(4) == 0) {
            MessageEncoder.writeBlank(buffer, buffer.position(), 8 + random.nextInt(32));
            buffer.position(buffer.position() + 8);
        }
        valid.add(Arrays.copyOf(buffer.array(), buffer.position()));
        return Mutator.mutateOneOf(valid, random, 512);
    }

    static Message validMessage(SplittableRandom random) {
        Map<String, String> properties = new LinkedHashMap<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            properties.put("k" + random.nextInt(100), text(random, 1 + random.nextInt(20)));
        }
        byte[] body = new byte[random.nextInt(200)];
        random.nextBytes(body);
        return Message.builder(
                        text(random, 1 + (random.nextInt(8) == 0 ? 130 : random.nextInt(30))), random.nextInt(16))
                .flag(random.nextInt())
                .sysFlag(random.nextInt(4) == 0 ? 0 : random.nextInt(0x100) & ~0x30)
                .body(body)
                .properties(properties)
                .bornTimestampMs(random.nextLong(0, Long.MAX_VALUE))
                .bornHost(host(random))
                .storeHost(host(random))
                .build();
    }

    private static Message sample() {
        InetSocketAddress host = new InetSocketAddress("10.0.0.1", 10911);
        return Message.builder("TopicA", 0)
                .body(new byte[] {1})
                .bornHost(host)
                .storeHost(host)
                .build();
    }

    private static String text(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(
                    random.nextInt(10) == 0
                            ? (char) (0x00C0 + random.nextInt(200))
                            : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static InetSocketAddress host(SplittableRandom random) {
        byte[] address = new byte[random.nextBoolean() ? 4 : 16];
        random.nextBytes(address);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), random.nextInt(65536));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
