package io.couriermq.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DelayLevelsTest {

    @Test
    void theDefaultHasRocketMqsEighteenLevels() {
        DelayLevels levels = DelayLevels.DEFAULT;

        assertThat(levels.count()).isEqualTo(18);
        assertThat(levels.delayMs(1)).isEqualTo(1_000);
        assertThat(levels.delayMs(2)).isEqualTo(5_000);
        assertThat(levels.delayMs(3)).isEqualTo(10_000);
        assertThat(levels.delayMs(5)).isEqualTo(60_000);
        assertThat(levels.delayMs(16)).isEqualTo(30 * 60_000);
        assertThat(levels.delayMs(17)).isEqualTo(3_600_000);
        assertThat(levels.delayMs(18)).isEqualTo(2 * 3_600_000);
    }

    @Test
    void levelsAboveTheHighestAreClampedToIt() {
        DelayLevels levels = DelayLevels.parse("1s 2m  3h\t1d");

        assertThat(levels.count()).isEqualTo(4);
        assertThat(levels.clamp(4)).isEqualTo(4);
        assertThat(levels.clamp(99)).isEqualTo(4);
        assertThat(levels.delayMs(99)).isEqualTo(86_400_000L);
        assertThatThrownBy(() -> levels.clamp(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "5", "5x", "s", "0s", "-1s", "1.5s", "1s 2q", "99999d"})
    void aBadValueIsRefusedNamingTheKey(String text) {
        assertThatThrownBy(() -> DelayLevels.parse(text))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("messageDelayLevel");
    }

    @Test
    void theBrokerConfKeyIsReadAndCheckedAtLoad() {
        BrokerSettings settings =
                BrokerSettingsLoader.load(Map.of("messageDelayLevel", "1s 2s 3s"), Path.of("store"), "127.0.0.1");

        assertThat(settings.broker().delayLevels().count()).isEqualTo(3);
        assertThat(settings.unknownKeys()).isEmpty();
        assertThat(BrokerSettingsLoader.load(Map.of(), Path.of("store"), "127.0.0.1")
                        .broker()
                        .delayLevels()
                        .count())
                .isEqualTo(18);
        assertThatThrownBy(() -> BrokerSettingsLoader.load(
                        Map.of("messageDelayLevel", "1s 2minutes"), Path.of("store"), "127.0.0.1"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("messageDelayLevel")
                .hasMessageContaining("2minutes");
    }
}
