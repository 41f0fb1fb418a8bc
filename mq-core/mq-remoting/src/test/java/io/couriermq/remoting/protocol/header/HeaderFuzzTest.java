package io.couriermq.remoting.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.fuzz.Fuzz;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RemotingCommandException;
import io.couriermq.remoting.protocol.RequestCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every typed header decoder ({@link HeaderDecoders}) over generated ext fields: a valid set learned from
 * the decoder's own refusals, then mutated (fields dropped, values replaced by edge numbers, blanks,
 * long or odd text, unknown fields added). A decoder returns or throws {@link RemotingCommandException},
 * the one exception the dispatcher turns into a clean answer.
 */
class HeaderFuzzTest {
    private static final int INPUTS = 10_000;
    private static final Pattern FIELD =
            Pattern.compile("the header field '([^']+)' (is required|must be (\\S+ \\S+))");
    private static final String[] VALUES = {
        "",
        " ",
        "0",
        "-1",
        "1",
        " 7 ",
        "+3",
        "2147483647",
        "2147483648",
        "-2147483649",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "1e3",
        "0x10",
        "1.5",
        "NaN",
        "true",
        "TRUE",
        "false",
        "yes",
        "LOWER",
        "upper",
        "null",
        "\u0000",
        "%RETRY%g",
        "a\u0001b\u0002c",
        "ü名前",
        "x".repeat(300),
        "-0"
    };

    private static List<HeaderDecoders.Decoder> decoders;
    private static Map<HeaderDecoders.Decoder, Map<String, String>> valid;

    record Input(HeaderDecoders.Decoder decoder, Map<String, String> fields) {
        long size() {
            return fields.entrySet().stream()
                    .mapToLong(e -> e.getKey().length() + e.getValue().length())
                    .sum();
        }
    }

    @BeforeAll
    static void learnValidFields() {
        decoders = HeaderDecoders.all();
        valid = new LinkedHashMap<>();
        decoders.forEach(decoder -> valid.put(decoder, learnValid(decoder)));
    }

    @Test
    void theScanFindsEveryHeaderDecoder() {
        // 52 when written; a scan that finds nothing would make the fuzz test below pass vacuously
        assertThat(decoders).hasSizeGreaterThanOrEqualTo(52);
        assertThat(decoders)
                .extracting(HeaderDecoders.Decoder::name)
                .contains("PullMessageRequestHeader.decode", "SendMessageRequestHeader.decodeV2");
    }

    @Test
    void everyDecoderReturnsOrRefusesByFieldName() {
        Fuzz.of("typed header decoders", HeaderFuzzTest::input)
                .expecting(RemotingCommandException.class)
                .allocationBound(Input::size, 16)
                .run(INPUTS, input -> input.decoder().decode(fields(input.fields())));
    }

    /** Fills in what the decoder says is missing or malformed until it accepts the fields. */
    private static Map<String, String> learnValid(HeaderDecoders.Decoder decoder) {
        Map<String, String> fields = new HashMap<>();
        for (int round = 0; round < 100; round++) {
            try {
                decoder.decode(fields(fields));
                return fields;
            } catch (RemotingCommandException e) {
                Matcher matcher = FIELD.matcher(e.getMessage());
                if (!matcher.find()) {
                    throw new AssertionError(decoder + ": a refusal that names no field: " + e.getMessage(), e);
                }
                String expected = matcher.group(3) == null ? "" : matcher.group(3);
                fields.put(
                        matcher.group(1),
                        expected.startsWith("a boolean") ? "true" : expected.startsWith("LOWER") ? "LOWER" : "1");
            }
        }
        throw new AssertionError(decoder + " accepted no fields after 100 rounds: " + fields);
    }

    private static Input input(SplittableRandom random) {
        HeaderDecoders.Decoder decoder = decoders.get(random.nextInt(decoders.size()));
        Map<String, String> fields = new HashMap<>(valid.get(decoder));
        List<String> names = new ArrayList<>(fields.keySet());
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            String name = names.isEmpty() || random.nextInt(5) == 0
                    ? "f" + random.nextInt(20)
                    : names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> fields.remove(name);
                case 1 -> fields.put(name, randomText(random));
                default -> fields.put(name, VALUES[random.nextInt(VALUES.length)]);
            }
        }
        return new Input(decoder, fields);
    }

    private static String randomText(SplittableRandom random) {
        char[] text = new char[random.nextInt(12)];
        for (int i = 0; i < text.length; i++) {
            text[i] = (char) (random.nextBoolean() ? random.nextInt(32, 127) : random.nextInt(0x3000));
        }
        return new String(text);
    }

    private static HeaderFields fields(Map<String, String> fields) {
        return new HeaderFields(RemotingCommand.request(RequestCode.PULL_MESSAGE)
                .extFields(fields)
                .build());
    }
}
