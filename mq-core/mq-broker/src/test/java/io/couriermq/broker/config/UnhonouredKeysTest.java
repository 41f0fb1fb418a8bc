package io.couriermq.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keys CourierMQ cannot honour fail loading when their value asks for what is missing, naming the key;
 * the same keys with a value it does honour, and keys that change neither durability nor safety, are at
 * most reported as unknown.
 */
class UnhonouredKeysTest {
    private static final Path ROOT = Path.of("/tmp/courier-store");

    @ParameterizedTest(name = "{0}={1} fails start-up")
    @CsvSource(
            delimiter = '|',
            value = {
                "enableDLegerCommitLog       | true",
                "enableDLegerCommitLog       | TRUE",
                "enableControllerMode        | true",
                "duplicationEnable           | true",
                "transientStorePoolEnable    | true",
                "storePathCommitLog          | /data/elsewhere/commitlog",
                "storePathCommitLog          | /tmp/courier-store/commitlog:/data/second/commitlog",
                "storePathCommitLog          | relative/commitlog",
                "readOnlyCommitLogStorePaths | /data/old/commitlog",
                "inSyncReplicas              | 3",
                "minInSyncReplicas           | 3",
                "rejectTransactionMessage    | true",
            })
    void failsNamingTheKey(String key, String value) {
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of(key, value), ROOT, "127.0.0.1"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(key + "=" + value + " cannot be honoured: ")
                .hasMessageEndingWith("Remove the key or give the value that CourierMQ can honour.");
    }

    @ParameterizedTest(name = "{0}={1} is reported as unknown only")
    @CsvSource(
            delimiter = '|',
            value = {
                "enableDLegerCommitLog       | false",
                "enableControllerMode        | false",
                "duplicationEnable           | false",
                "transientStorePoolEnable    | false",
                "readOnlyCommitLogStorePaths | ''",
                "inSyncReplicas              | 2",
                "minInSyncReplicas           | 1",
                "rejectTransactionMessage    | false",
                "serverWorkerThreads         | 16",
                "traceTopicEnable            | true",
                "enableSlaveActingMaster     | true",
                "brokerIP2                   | 10.0.0.2",
            })
    void otherwiseOnlyReported(String key, String value) {
        BrokerSettings settings = BrokerSettingsLoader.load(Map.of(key, value), ROOT, "127.0.0.1");

        assertThat(settings.unknownKeys()).containsExactly(key);
    }

    @Test
    void theStoreRootsOwnCommitLogDirectoryIsHonouredAsIs() {
        for (String path : new String[] {"/tmp/courier-store/commitlog", "/tmp/courier-store/./commitlog/", ""}) {
            assertThat(BrokerSettingsLoader.load(Map.of("storePathCommitLog", path), ROOT, "127.0.0.1")
                            .unknownKeys())
                    .as(path)
                    .isEmpty();
        }
        assertThat(BrokerSettingsLoader.load(
                                Map.of("storePathRootDir", "/data/mq", "storePathCommitLog", "/data/mq/commitlog"),
                                ROOT,
                                "127.0.0.1")
                        .unknownKeys())
                .isEmpty();
    }

    @Test
    void everyOffendingKeyIsNamedAtOnce() {
        assertThatThrownBy(() -> BrokerSettingsLoader.load(
                        Map.of("enableDLegerCommitLog", "true", "transientStorePoolEnable", "true", "brokerNmae", "x"),
                        ROOT,
                        "127.0.0.1"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("enableDLegerCommitLog=true cannot be honoured")
                .hasMessageContaining("transientStorePoolEnable=true cannot be honoured")
                .hasMessageEndingWith("Remove these keys or give the value that CourierMQ can honour.");
    }

    @Test
    void aReplicaCountThatIsNoNumberIsABadValue() {
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of("inSyncReplicas", "two"), ROOT, "127.0.0.1"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("inSyncReplicas must be an integer, was 'two'");
    }

    @Test
    void everyBrokerRoleRocketMqHasIsSupportedAndOthersFailNamingTheKey() {
        for (String role : new String[] {"ASYNC_MASTER", "SYNC_MASTER"}) {
            assertThat(BrokerSettingsLoader.load(Map.of("brokerRole", role), ROOT, "127.0.0.1")
                            .broker()
                            .brokerRole())
                    .isEqualTo(BrokerRole.valueOf(role));
        }
        assertThat(BrokerSettingsLoader.load(Map.of("brokerRole", "SLAVE", "brokerId", "1"), ROOT, "127.0.0.1")
                        .broker()
                        .brokerRole())
                .isEqualTo(BrokerRole.SLAVE);
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of("brokerRole", "DLEDGER_LEADER"), ROOT, "127.0.0.1"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("brokerRole must be one of [ASYNC_MASTER, SYNC_MASTER, SLAVE]");
    }
}
