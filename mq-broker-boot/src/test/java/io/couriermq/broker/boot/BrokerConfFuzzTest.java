package io.couriermq.broker.boot;

import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.broker.config.InvalidConfigException;
import io.couriermq.common.fuzz.Fuzz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * broker.conf text with known keys (and a few unknown ones) and odd values, read by {@link BrokerConfFile}
 * and loaded as the broker does ({@link BrokerConfigEntries#settings}): loading succeeds or fails with
 * {@link BrokerConfigFileException} or {@link InvalidConfigException}, which name what is wrong.
 */
class BrokerConfFuzzTest {
    private static final int INPUTS = 10_000;
    private static final String[] EXTRA_KEYS = {
        "storePathRootDir",
        "storePathCommitLog",
        "tls.server.mode",
        "tls.test.mode.enable",
        "tls.server.keyPath",
        "brokerRole",
        "flushDiskType",
        "unknownKey",
        "enableDLegerCommitLog",
        "  listenPort",
        "listenPort ",
        ""
    };
    private static final String[] VALUES = {
        "",
        " ",
        "0",
        "-1",
        "1",
        "10911",
        "65536",
        "2147483647",
        "2147483648",
        "-2147483649",
        "9223372036854775808",
        "1.5",
        "NaN",
        "Infinity",
        "-0.0",
        "1e10",
        "true",
        "FALSE",
        "yes",
        "abc",
        "04",
        "ASYNC_MASTER",
        "SLAVE",
        "SYNC_FLUSH",
        "async_flush",
        "ENFORCING",
        "127.0.0.1:9876",
        "a;b;;",
        "1s 5s 10s",
        "1x 2y",
        "\\u00e9",
        "\\uZZZZ",
        "\\",
        "/nonexistent/dir",
        "ü名前",
        "x".repeat(500),
        "\u0000"
    };

    @TempDir
    Path directory;

    @Test
    void everyGeneratedBrokerConfLoadsOrFailsByName() {
        List<String> keys = new ArrayList<>(BrokerSettingsLoader.knownKeys());
        keys.addAll(List.of(EXTRA_KEYS));
        Path file = directory.resolve("broker.conf");
        Fuzz.of("broker.conf loader", (SplittableRandom random) -> text(random, keys))
                .expecting(BrokerConfigFileException.class, InvalidConfigException.class)
                .allocationBound(String::length, 64)
                .run(INPUTS, text -> load(file, text));
    }

    private void load(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> entries = BrokerConfFile.read(file);
        new BrokerConfigEntries(entries, Map.of(), directory.resolve("store"), "127.0.0.1").settings();
    }

    private static String text(SplittableRandom random, List<String> keys) {
        StringBuilder text = new StringBuilder();
        int lines = random.nextInt(6);
        for (int i = 0; i < lines; i++) {
            switch (random.nextInt(12)) {
                case 0 -> text.append("# comment ").append(random.nextInt());
                case 1 -> text.append((char) random.nextInt(256)).append((char) random.nextInt(256));
                default ->
                    text.append(keys.get(random.nextInt(keys.size())))
                            .append(random.nextInt(4) == 0 ? (random.nextBoolean() ? ":" : " ") : "=")
                            .append(VALUES[random.nextInt(VALUES.length)]);
            }
            text.append(random.nextInt(8) == 0 ? "\\\n" : "\n");
        }
        return text.toString();
    }
}
