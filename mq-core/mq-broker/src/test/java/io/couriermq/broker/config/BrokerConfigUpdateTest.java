package io.couriermq.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The table of UPDATE_BROKER_CONFIG: what may change at run time, and what is refused by name. */
class BrokerConfigUpdateTest {
    private static final Path ROOT = Path.of("/tmp/courier-store");
    private static final BrokerSettings CURRENT = BrokerSettingsLoader.load(
            Map.of("namesrvAddr", "127.0.0.1:9876", "brokerName", "broker-x", "haMasterAddress", "10.0.0.1:10912"),
            ROOT,
            "127.0.0.1");

    /** Every run-time key with a value other than its default, and how GET shows it afterwards. */
    static Stream<Arguments> runtimeKeys() {
        return Stream.of(
                Arguments.of("brokerPermission", "4", "4"),
                Arguments.of("autoCreateTopicEnable", "FALSE", "false"),
                Arguments.of("autoCreateSubscriptionGroup", "false", "false"),
                Arguments.of("slaveReadEnable", "true", "true"),
                Arguments.of("fileReservedTime", "12", "12"),
                Arguments.of("deleteWhen", "02;14", "02;14"),
                Arguments.of("diskMaxUsedSpaceRatio", "85", "85"),
                Arguments.of("diskSpaceWarningLevelRatio", "0.95", "0.95"));
    }

    @Test
    void theTableCoversEveryRunTimeKey() {
        assertThat(runtimeKeys().map(arguments -> (String) arguments.get()[0]))
                .containsExactlyInAnyOrderElementsOf(BrokerConfigUpdate.RUNTIME_KEYS);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("runtimeKeys")
    void aRunTimeKeyChangesAndNothingElseDoes(String key, String value, String shown) {
        BrokerConfigUpdate.Outcome outcome = BrokerConfigUpdate.apply(CURRENT, Map.of(key, value));

        assertThat(outcome.isRefused()).isFalse();
        Map<String, String> before = BrokerConfigProperties.of(CURRENT);
        Map<String, String> after = BrokerConfigProperties.of(outcome.settings());
        assertThat(before.get(key))
                .as("the table must use a value other than the current one")
                .isNotEqualTo(shown);
        Map<String, String> expected = new HashMap<>(before);
        expected.put(key, shown);
        assertThat(after).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"listenPort", "brokerName", "storePathRootDir", "flushDiskType", "messageDelayLevel"})
    void aKeyReadOnlyAtStartUpIsRefusedByName(String key) {
        BrokerConfigUpdate.Outcome outcome =
                BrokerConfigUpdate.apply(CURRENT, Map.of("fileReservedTime", "1", key, "1"));

        assertThat(outcome.isRefused()).isTrue();
        assertThat(outcome.settings()).isNull();
        assertThat(outcome.refusal().reason()).isEqualTo(BrokerConfigUpdate.Reason.FIXED_KEY);
        assertThat(outcome.refusal().message()).startsWith("key '" + key + "' cannot change at run time");
    }

    @Test
    void anUnknownKeyIsRefusedByName() {
        BrokerConfigUpdate.Outcome outcome =
                BrokerConfigUpdate.apply(CURRENT, Map.of("fileReservedTime", "1", "flushDiskTypo", "SYNC_FLUSH"));

        assertThat(outcome.refusal().reason()).isEqualTo(BrokerConfigUpdate.Reason.UNKNOWN_KEY);
        assertThat(outcome.refusal().message()).isEqualTo("unknown key 'flushDiskTypo'");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("brokerPermission", "9"),
                Arguments.of("brokerPermission", "rw"),
                Arguments.of("slaveReadEnable", "maybe"),
                Arguments.of("autoCreateTopicEnable", "no"),
                Arguments.of("fileReservedTime", "-1"),
                Arguments.of("deleteWhen", "04;25"),
                Arguments.of("diskMaxUsedSpaceRatio", "99"),
                Arguments.of("diskSpaceWarningLevelRatio", "90"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void aBadValueIsRefusedNamingKeyAndValue(String key, String value) {
        Map<String, String> request = new HashMap<>(Map.of("fileReservedTime", "1"));
        request.put(key, value);

        BrokerConfigUpdate.Outcome outcome = BrokerConfigUpdate.apply(CURRENT, request);

        assertThat(outcome.settings()).isNull();
        assertThat(outcome.refusal().reason()).isEqualTo(BrokerConfigUpdate.Reason.INVALID_VALUE);
        assertThat(outcome.refusal().message()).startsWith("invalid value '" + value + "' for key '" + key + "'");
    }

    @Test
    void theEffectivePropertiesLoadBackToTheSameSettingsAndNameEveryKnownKey() {
        BrokerSettings custom = BrokerSettingsLoader.load(
                Map.of(
                        "brokerId", "1",
                        "brokerRole", "SLAVE",
                        "flushDiskType", "SYNC_FLUSH",
                        "messageDelayLevel", "1s 2s",
                        "diskSpaceWarningLevelRatio", "0.85",
                        "haListenPort", "20912",
                        "namesrvAddr", "10.0.0.1:9876;10.0.0.2:9876",
                        "haMasterAddress", "10.0.0.4:10912"),
                ROOT,
                "10.0.0.5");
        for (BrokerSettings settings : new BrokerSettings[] {CURRENT, custom}) {
            Map<String, String> properties = BrokerConfigProperties.of(settings);
            // keys holding secrets are never rendered (GET_BROKER_CONFIG would show them)
            assertThat(properties.keySet())
                    .containsExactlyInAnyOrderElementsOf(BrokerSettingsLoader.knownKeys().stream()
                            .filter(key -> !BrokerSettingsLoader.SECRET_KEYS.contains(key))
                            .toList());
            assertThat(BrokerSettingsLoader.load(properties, Path.of("/elsewhere"), "10.9.9.9"))
                    .isEqualTo(settings);
        }
    }

    @Test
    void keysWithoutAValueAreLeftOut() {
        BrokerSettings bare = BrokerSettingsLoader.load(Map.of(), ROOT, "127.0.0.1");

        assertThat(BrokerConfigProperties.of(bare)).doesNotContainKeys("namesrvAddr", "haMasterAddress");
    }
}
