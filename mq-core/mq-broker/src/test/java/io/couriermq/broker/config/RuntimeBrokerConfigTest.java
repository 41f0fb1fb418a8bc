package io.couriermq.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeBrokerConfigTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_000);

    private RuntimeBrokerConfig config(Path file) {
        BrokerSettings settings = BrokerSettingsLoader.load(Map.of("listenPort", "0"), dir, "127.0.0.1");
        return new RuntimeBrokerConfig(file == null ? settings : settings.withConfigFile(file), clock);
    }

    @Test
    void anAppliedChangeIsInForceVersionedToldAndWrittenBack() throws IOException {
        Path file = dir.resolve("broker.conf");
        Files.writeString(file, "# ours\nbrokerPermission=6\n");
        RuntimeBrokerConfig config = config(file);
        config.boundPorts(40911, 40912);
        List<String> told = new ArrayList<>();
        config.onChange((previous, current) -> told.add(
                previous.broker().brokerPermission() + "->" + current.broker().brokerPermission()));
        clock.advanceMillis(1_000);

        BrokerConfigUpdate.Outcome outcome = config.update(Map.of("brokerPermission", "4"));

        assertThat(outcome.isRefused()).isFalse();
        assertThat(config.broker().brokerPermission()).isEqualTo(4);
        assertThat(config.properties())
                .containsEntry("brokerPermission", "4")
                .containsEntry("listenPort", "40911")
                .containsEntry("haListenPort", "40912");
        assertThat(config.version().counter()).isEqualTo(1);
        assertThat(config.version().timestamp()).isEqualTo(2_000);
        assertThat(told).containsExactly("6->4");
        assertThat(Files.readAllLines(file)).containsExactly("# ours", "brokerPermission=4");
    }

    @Test
    void aRefusedChangeLeavesEverythingAsItWas() throws IOException {
        Path file = dir.resolve("broker.conf");
        Files.writeString(file, "brokerPermission=6\n");
        RuntimeBrokerConfig config = config(file);
        List<String> told = new ArrayList<>();
        config.onChange((previous, current) -> told.add("changed"));
        Map<String, String> before = config.properties();

        BrokerConfigUpdate.Outcome outcome = config.update(Map.of("brokerPermission", "4", "brokerName", "b"));

        assertThat(outcome.refusal().message()).startsWith("key 'brokerName' cannot change at run time");
        assertThat(config.properties()).isEqualTo(before);
        assertThat(config.version().counter()).isZero();
        assertThat(told).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("brokerPermission=6\n");
    }

    @Test
    void anEmptyRequestChangesNothingAndKeepsTheVersion() {
        RuntimeBrokerConfig config = config(null);
        Map<String, String> before = config.properties();

        assertThat(config.update(Map.of()).isRefused()).isFalse();

        assertThat(config.properties()).isEqualTo(before);
        assertThat(config.version().counter()).isZero();
    }

    @Test
    void withoutAConfigFileAChangeIsOnlyInMemory() {
        RuntimeBrokerConfig config = config(null);

        assertThat(config.update(Map.of("fileReservedTime", "5")).isRefused()).isFalse();

        assertThat(config.settings().store().fileReservedTime()).isEqualTo(5);
    }
}
