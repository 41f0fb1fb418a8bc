package io.couriermq.namesrv.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.acl.AclConfig;
import io.couriermq.namesrv.NameServerConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuntimeNameServerConfigTest {
    private final RuntimeNameServerConfig config = new RuntimeNameServerConfig(NameServerConfig.defaults(9876));

    @Test
    void showsEverySettingWithRocketMqNamesWhereRocketMqHasThem() {
        assertThat(config.properties())
                .containsEntry("listenPort", "9876")
                .containsEntry("bindAddress", "0.0.0.0")
                .containsEntry("serverWorkerThreads", "2")
                .containsEntry("serverChannelMaxIdleTimeSeconds", "120")
                .containsEntry("useEpollNativeSelector", "true")
                .containsEntry("scanNotActiveBrokerInterval", "5000")
                .containsEntry("orderMessageEnable", "false")
                .containsEntry("brokerExpiryMs", "120000")
                .containsEntry("maxFrameBytes", "16777216")
                .containsEntry("shutdownGraceMs", "5000")
                .containsEntry("aclEnable", "false")
                .hasSize(11);
        config.boundPort(40000);
        assertThat(config.properties()).containsEntry("listenPort", "40000");
    }

    @Test
    void aRunTimeChangeKeepsTheAcl() {
        RuntimeNameServerConfig closed =
                new RuntimeNameServerConfig(NameServerConfig.defaults(9876).withAcl(AclConfig.defaults()));
        assertThat(closed.properties()).containsEntry("aclEnable", "true");

        assertThat(closed.update(Map.of("orderMessageEnable", "true"))).isNull();

        assertThat(closed.config().acl()).isEqualTo(AclConfig.defaults());
        assertThat(closed.properties()).containsEntry("aclEnable", "true");
    }

    @ParameterizedTest(name = "orderMessageEnable={0}")
    @CsvSource({"true,true", "TRUE,true", "false,false"})
    void everyRunTimeKeyRoundTrips(String value, String shown) {
        RuntimeNameServerConfig changed = new RuntimeNameServerConfig(NameServerConfig.defaults(9876));
        if (shown.equals("false")) {
            changed.update(Map.of("orderMessageEnable", "true"));
        }
        Map<String, String> expected = new HashMap<>(changed.properties());
        expected.put("orderMessageEnable", shown);

        assertThat(changed.update(Map.of("orderMessageEnable", value))).isNull();

        assertThat(changed.properties()).isEqualTo(expected);
        assertThat(changed.orderMessageEnable()).isEqualTo(Boolean.parseBoolean(shown));
        assertThat(RuntimeNameServerConfig.RUNTIME_KEYS).containsExactly("orderMessageEnable");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"listenPort", "scanNotActiveBrokerInterval", "brokerExpiryMs", "serverWorkerThreads", "aclEnable"
            })
    void aKeySetUpOnceIsRefusedByNameWithNothingApplied(String key) {
        Map<String, String> before = config.properties();

        RuntimeNameServerConfig.Refusal refusal = config.update(Map.of("orderMessageEnable", "true", key, "1"));

        assertThat(refusal.fixedKey()).isTrue();
        assertThat(refusal.message()).startsWith("key '" + key + "' cannot change at run time");
        assertThat(config.properties()).isEqualTo(before);
    }

    @Test
    void anUnknownKeyOrABadValueIsRefusedByNameWithNothingApplied() {
        Map<String, String> before = config.properties();

        RuntimeNameServerConfig.Refusal unknown =
                config.update(Map.of("orderMessageEnable", "true", "kvConfigPath", "/x"));
        RuntimeNameServerConfig.Refusal bad = config.update(Map.of("orderMessageEnable", "yes"));

        assertThat(unknown.fixedKey()).isFalse();
        assertThat(unknown.message()).isEqualTo("unknown key 'kvConfigPath'");
        assertThat(bad.message()).startsWith("invalid value 'yes' for key 'orderMessageEnable'");
        assertThat(config.properties()).isEqualTo(before);
    }
}
