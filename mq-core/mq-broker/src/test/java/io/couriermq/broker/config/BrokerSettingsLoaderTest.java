package io.couriermq.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.store.FlushDiskType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerSettingsLoaderTest {
    private static final Path ROOT = Path.of("/tmp/courier-store");

    @Test
    void readsTheKeysOfARocketMqBrokerConf() {
        BrokerSettings settings = BrokerSettingsLoader.load(
                Map.of(
                        "brokerClusterName", "OrdersCluster",
                        "brokerName", "broker-b",
                        "brokerId", "0",
                        "namesrvAddr", "10.0.0.1:9876; 10.0.0.2:9876",
                        "brokerIP1", "10.0.0.9",
                        "listenPort", "10921",
                        "brokerRole", "ASYNC_MASTER",
                        "flushDiskType", "SYNC_FLUSH",
                        "deleteWhen", "04",
                        "fileReservedTime", "48"),
                ROOT,
                "127.0.0.1");

        BrokerConfig broker = settings.broker();
        assertThat(broker.brokerClusterName()).isEqualTo("OrdersCluster");
        assertThat(broker.brokerRole()).isEqualTo(BrokerRole.ASYNC_MASTER);
        assertThat(broker.nameServerAddresses()).containsExactly("10.0.0.1:9876", "10.0.0.2:9876");
        assertThat(broker.brokerAddress(10921)).isEqualTo("10.0.0.9:10921");
        assertThat(settings.store().flushDiskType()).isEqualTo(FlushDiskType.SYNC_FLUSH);
        assertThat(settings.store().fileReservedTime()).isEqualTo(48);
        assertThat(settings.store().storePathRootDir()).isEqualTo(ROOT);
        assertThat(settings.unknownKeys()).isEmpty();
    }

    @Test
    void defaultsFitALaptop() {
        BrokerSettings settings = BrokerSettingsLoader.load(Map.of(), ROOT, "127.0.0.1");

        assertThat(settings.broker().listenPort()).isEqualTo(10911);
        assertThat(settings.broker().brokerRole()).isEqualTo(BrokerRole.ASYNC_MASTER);
        assertThat(settings.broker().autoCreateTopicEnable()).isTrue();
        assertThat(settings.broker().brokerIP1()).isEqualTo("127.0.0.1");
        assertThat(settings.broker().bindAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void bindAddressIsReadAndLeavesTheRegisteredAddressAlone() {
        BrokerSettings settings =
                BrokerSettingsLoader.load(Map.of("bindAddress", " 10.0.0.5 ", "brokerIP1", "203.0.113.7"), ROOT, "x");

        assertThat(settings.broker().bindAddress()).isEqualTo("10.0.0.5");
        assertThat(settings.broker().brokerIP1()).isEqualTo("203.0.113.7");
        assertThat(settings.unknownKeys()).isEmpty();
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of("bindAddress", " "), ROOT, "127.0.0.1"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("bindAddress");
    }

    @Test
    void unknownKeysAreReportedNotIgnored() {
        BrokerSettings settings =
                BrokerSettingsLoader.load(Map.of("brokerNmae", "x", "listenPort", "1"), ROOT, "127.0.0.1");

        assertThat(settings.unknownKeys()).containsExactly("brokerNmae");
    }

    @Test
    void aBadValueNamesItsKey() {
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of("listenPort", "ten"), ROOT, "127.0.0.1"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("listenPort must be an integer, was 'ten'");
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of("brokerRole", "LEADER"), ROOT, "127.0.0.1"))
                .hasMessageContaining("brokerRole must be one of [ASYNC_MASTER, SYNC_MASTER, SLAVE]");
    }

    @Test
    void replicationKeysUseRocketMqNamesAndDefaults() {
        BrokerSettings defaults = BrokerSettingsLoader.load(Map.of(), ROOT, "127.0.0.1");
        assertThat(defaults.ha()).isEqualTo(HaConfig.defaults());
        assertThat(defaults.ha().effectivePort(10911)).isEqualTo(10912);
        assertThat(defaults.ha().effectivePort(0)).isZero();

        BrokerSettings slave = BrokerSettingsLoader.load(
                Map.of(
                        "brokerRole", "SLAVE",
                        "brokerId", "1",
                        "haListenPort", "20912",
                        "haMasterAddress", "10.0.0.1:10912",
                        "haSendHeartbeatInterval", "1000",
                        "haHousekeepingInterval", "4000",
                        "haTransferBatchSize", "65536",
                        "haMaxGapNotInSync", "1048576",
                        "slaveReadEnable", "true",
                        "accessMessageInMemoryMaxRatio", "30"),
                ROOT,
                "127.0.0.1");
        assertThat(slave.unknownKeys()).isEmpty();
        assertThat(slave.broker().brokerRole()).isEqualTo(BrokerRole.SLAVE);
        assertThat(slave.ha()).isEqualTo(new HaConfig(20912, "10.0.0.1:10912", 1000, 4000, 65536, 1048576, true, 30));
        assertThat(slave.ha().effectivePort(10911)).isEqualTo(20912);
        assertThat(BrokerSettingsLoader.knownKeys()).contains("haListenPort", "slaveReadEnable");
    }

    @Test
    void badReplicationValuesNameTheirKey() {
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of("haMasterAddress", "nohost"), ROOT, "127.0.0.1"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("haMasterAddress must be host:port");
        assertThatThrownBy(() -> BrokerSettingsLoader.load(
                        Map.of("haSendHeartbeatInterval", "30000", "haHousekeepingInterval", "20000"),
                        ROOT,
                        "127.0.0.1"))
                .hasMessageContaining("haHousekeepingInterval (20000 ms) must be longer");
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of("haTransferBatchSize", "0"), ROOT, "127.0.0.1"))
                .hasMessageContaining("haTransferBatchSize must be");
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of("haListenPort", "70000"), ROOT, "127.0.0.1"))
                .hasMessageContaining("haListenPort must be 0..65535");
    }

    @Test
    void aSlaveNeedsANonZeroId() {
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of("brokerRole", "SLAVE"), ROOT, "127.0.0.1"))
                .hasMessageContaining("brokerId 0 does not fit brokerRole SLAVE");
    }

    @Test
    void aStoreLimitThatCannotWorkIsAConfigurationError() {
        assertThatThrownBy(() -> BrokerSettingsLoader.load(
                        Map.of("mappedFileSizeCommitLog", String.valueOf(1 << 20)), ROOT, "127.0.0.1"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("maxMessageSize");
    }

    @Test
    void transactionCheckSettingsDefaultToRocketMqsAndRefuseNonsense() {
        BrokerConfig defaults =
                BrokerSettingsLoader.load(Map.of(), ROOT, "127.0.0.1").broker();
        BrokerConfig quick = BrokerSettingsLoader.load(
                        Map.of("transactionCheckInterval", "500", "transactionTimeOut", "100"), ROOT, "127.0.0.1")
                .broker();

        assertThat(defaults.transactionTimeOut()).isEqualTo(6_000);
        assertThat(defaults.transactionCheckInterval()).isEqualTo(30_000);
        assertThat(defaults.transactionCheckMax()).isEqualTo(15);
        assertThat(quick.transactionCheckInterval()).isEqualTo(500);
        assertThat(quick.transactionTimeOut()).isEqualTo(100);
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of("transactionCheckMax", "0"), ROOT, "127.0.0.1"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("transactionCheckMax");
    }
}
