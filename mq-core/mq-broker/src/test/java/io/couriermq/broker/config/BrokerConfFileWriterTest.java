package io.couriermq.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerConfFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void replacesKeysWhereTheyStandKeepsEverythingElseAndAppendsNewKeys() throws IOException {
        Path file = dir.resolve("broker.conf");
        Files.write(
                file,
                List.of(
                        "# the orders broker",
                        "brokerName = broker-a",
                        "",
                        "! retention",
                        "fileReservedTime:72",
                        "deleteWhen=04;\\",
                        "   16",
                        "messageDelayLevel=1s 5s"),
                StandardCharsets.ISO_8859_1);

        BrokerConfFileWriter.update(
                file, Map.of("fileReservedTime", "12", "deleteWhen", "03", "diskMaxUsedSpaceRatio", "80"));

        assertThat(Files.readAllLines(file, StandardCharsets.ISO_8859_1))
                .containsExactly(
                        "# the orders broker",
                        "brokerName = broker-a",
                        "",
                        "! retention",
                        "fileReservedTime=12",
                        "deleteWhen=03",
                        "messageDelayLevel=1s 5s",
                        "diskMaxUsedSpaceRatio=80");
        Properties reread = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            reread.load(reader);
        }
        assertThat(reread).containsEntry("brokerName", "broker-a").containsEntry("deleteWhen", "03");
    }

    @Test
    void aValueWithBackslashesOrALeadingSpaceReadsBackAsWritten() throws IOException {
        Path file = dir.resolve("broker.conf");
        Files.writeString(file, "storePathRootDir=/data\n");

        BrokerConfFileWriter.update(file, Map.of("namesrvAddr", " C:\\ns"));

        Properties reread = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            reread.load(reader);
        }
        assertThat(reread).containsEntry("namesrvAddr", " C:\\ns").containsEntry("storePathRootDir", "/data");
    }
}
