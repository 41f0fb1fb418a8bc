package io.couriermq.common.message.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.common.fuzz.Fuzz;
import io.couriermq.common.fuzz.Mutator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Generated SEND_BATCH_MESSAGE bodies: encoded ones round-trip, mutated ones decode or throw MalformedRecordException. */
class BatchCodecFuzzTest {
    private static final int INPUTS = 10_000;

    @Test
    void mutatedBatchBodiesDecodeOrAreRefusedByName() {
        Fuzz.of(
                        "batch codec",
                        (SplittableRandom random) ->
                                Mutator.mutateOneOf(List.of(encoded(entries(random))), random, 512))
                .expecting(MalformedRecordException.class)
                .allocationBound(bytes -> bytes.length, 8)
                .run(INPUTS, bytes -> BatchCodec.decode(ByteBuffer.wrap(bytes)));
    }

    @Test
    void encodedBatchesRoundTrip() {
        Fuzz.of("batch round trip", BatchCodecFuzzTest::entries).run(INPUTS / 10, entries -> {
            List<BatchEntry> decoded = BatchCodec.decode(BatchCodec.encode(entries));
            assertThat(decoded).hasSameSizeAs(entries);
            for (int i = 0; i < entries.size(); i++) {
                assertThat(decoded.get(i).flag()).isEqualTo(entries.get(i).flag());
                assertThat(decoded.get(i).body()).isEqualTo(entries.get(i).body());
                assertThat(decoded.get(i).properties()).isEqualTo(entries.get(i).properties());
            }
        });
    }

    /** Found by the fuzz test: a body that runs to the end left no room for the properties length. */
    @Test
    void anEntryWhoseBodyTakesThePropertiesLengthIsMalformed() {
        byte[] bytes = HexFormat.of()
                .parseHex("000000290000000000000000000238cd000000133e43b8cc63c0c075f400cb4de3078eff7e0000");
        assertThatThrownBy(() -> BatchCodec.decode(ByteBuffer.wrap(bytes)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("truncated before its properties length");
    }

    private static byte[] encoded(List<BatchEntry> entries) {
        ByteBuffer body = BatchCodec.encode(entries);
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        return bytes;
    }

    private static List<BatchEntry> entries(SplittableRandom random) {
        List<BatchEntry> entries = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            byte[] body = new byte[random.nextInt(100)];
            random.nextBytes(body);
            Map<String, String> properties = random.nextBoolean()
                    ? Map.of()
                    : Map.of("KEYS", "k" + random.nextInt(1000), "TAGS", "t" + random.nextInt(10));
            entries.add(new BatchEntry(random.nextInt(), body, properties));
        }
        return entries;
    }
}
