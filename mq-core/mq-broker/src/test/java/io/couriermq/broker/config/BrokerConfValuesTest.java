package io.couriermq.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.netty.ServerLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broker.conf key the loader knows, fed a value that would fail later (or never work), is refused
 * at load with the key named; the boundary values next to them still load. The key list is the loader's
 * own, so a new key without a bad-value row fails {@link #everyKnownKeyHasABadValueRow()}.
 */
class BrokerConfValuesTest {
    private static final Path ROOT = Path.of("/tmp/courier-store");
    private static final String LOCAL = "127.0.0.1";

    /** Default maxHashSlotNum (5,000,000) and maxIndexNum (20,000,000): 40 + 4 * slots + 20 * entries. */
    private static final long MAX_INDEX_NUM = (Integer.MAX_VALUE - 40L - 4L * 5_000_000) / 20;

    private static final long MAX_HASH_SLOT_NUM = (Integer.MAX_VALUE - 40L - 20L * 20_000_000) / 4;

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("namesrvAddr", "10.0.0.1"),
                bad("namesrvAddr", "10.0.0.1:9876;ns2"),
                bad("namesrvAddr", "ns:0"),
                bad("namesrvAddr", "ns:65536"),
                bad("namesrvAddr", "ns one:9876"),
                bad("brokerClusterName", " "),
                bad("brokerName", ""),
                bad("brokerId", "-1"),
                bad("brokerId", "1"),
                bad("brokerIP1", "10.0.0.1:10911"),
                bad("brokerIP1", "10.0.0.1 10.0.0.2"),
                bad("listenPort", "65536"),
                bad("listenPort", "ten"),
                bad("bindAddress", " "),
                bad("brokerRole", "LEADER"),
                bad("autoCreateTopicEnable", "yes"),
                bad("autoCreateSubscriptionGroup", "1"),
                bad("defaultTopicQueueNums", "0"),
                bad("defaultTopicQueueNums", "1025"),
                bad("brokerPermission", "8"),
                bad("registerNameServerPeriod", "30s"),
                bad("sendThreadPoolQueueCapacity", "0"),
                bad("sendThreadPoolQueueCapacity", "1000001"),
                bad("sendThreadPoolQueueCapacity", "2147483647"),
                bad("pullThreadPoolQueueCapacity", "-1"),
                bad("pullThreadPoolQueueCapacity", "1000001"),
                bad("flushConsumerOffsetInterval", "0"),
                bad("maxConnections", "0"),
                bad("maxConnectionsPerAddress", "-1"),
                bad("maxBufferedFrameBytes", "0"),
                bad("maxPendingRequestsPerConnection", "0"),
                bad("writeBufferHighWaterMark", "1"),
                bad("writeBufferLowWaterMark", "0"),
                bad("maxPendingRequestBytesPerConnection", "0"),
                bad("maxPendingRequestBytesPerConnection", "-1"),
                bad("maxPendingRequestBytesPerConnection", "x"),
                bad("maxPendingRequestBytes", "0"),
                bad("maxPendingRequestBytes", "-1"),
                bad("maxPendingRequestBytes", "x"),
                bad("clientChannelMaxIdleTimeSeconds", "0"),
                bad("clientChannelMaxIdleTimeSeconds", "2147483648"),
                bad("enablePropertyFilter", "on"),
                bad("messageDelayLevel", "1s 5x"),
                bad("timerMaxDelaySec", "0"),
                bad("timerMaxDelaySec", "2147483648"),
                bad("transactionTimeOut", "-1"),
                bad("transactionCheckInterval", "0"),
                bad("transactionCheckMax", "0"),
                bad("splitRegistrationSize", "0"),
                bad("splitRegistrationSize", "1000001"),
                bad("enableSplitRegistration", "yes"),
                bad("compressedRegister", "1"),
                bad("aclEnable", "yes"),
                bad(InnerCredentials.KEY, "{\"accessKey\":\"ak\"}"),
                bad("haListenPort", "65536"),
                bad("haMasterAddress", "nohost"),
                bad("haSendHeartbeatInterval", "0"),
                bad("haSendHeartbeatInterval", "20000"),
                bad("haHousekeepingInterval", "0"),
                bad("haTransferBatchSize", "1023"),
                bad("haMaxGapNotInSync", "-1"),
                bad("slaveReadEnable", "yes"),
                bad("accessMessageInMemoryMaxRatio", "101"),
                bad("mappedFileSizeCommitLog", "0"),
                bad("mappedFileSizeCommitLog", Integer.toString(4 * 1024 * 1024 + 7)),
                bad("mappedFileSizeConsumeQueue", "0"),
                bad("mappedFileSizeConsumeQueue", "30"),
                bad("mappedFileSizeConsumeQueue", "-20"),
                bad("flushDiskType", "SYNC"),
                bad("flushIntervalCommitLog", "0"),
                bad("flushIntervalConsumeQueue", "0"),
                bad("syncFlushTimeout", "0"),
                bad("maxMessageSize", "0"),
                // wrapped round to a negative sum before, and passed the segment check
                bad("maxMessageSize", "2147483647"),
                bad("fileReservedTime", "-1"),
                bad("deleteWhen", "abc"),
                bad("deleteWhen", "24"),
                bad("deleteWhen", "04;abc"),
                bad("deleteWhen", "+4"),
                bad("deleteWhen", ";"),
                bad("diskMaxUsedSpaceRatio", "96"),
                bad("diskSpaceWarningLevelRatio", "90"),
                bad("diskSpaceWarningLevelRatio", "NaN"),
                bad("diskSpaceWarningLevelRatio", "0"),
                bad("cleanResourceInterval", "0"),
                bad("maxHashSlotNum", "0"),
                bad("maxHashSlotNum", Long.toString(MAX_HASH_SLOT_NUM + 1)),
                bad("maxIndexNum", "0"),
                bad("maxIndexNum", Long.toString(MAX_INDEX_NUM + 1)),
                bad("maxIndexNum", "2147483647"),
                bad("warmMapedFileEnable", "enabled"),
                bad("checkCRCOnRecover", "no"),
                bad("maxTransferCountOnMessageInMemory", "0"),
                bad("maxMappedConsumeQueueFiles", "0"),
                bad("maxTransferBytesOnMessageInMemory", "0"),
                bad("storePathRootDir", "store\u0000dir"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void aBadValueIsRefusedAtLoadNamingItsKey(String key, String value) {
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of(key, value), ROOT, LOCAL))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void everyKnownKeyHasABadValueRow() {
        Set<String> covered = badValues().map(row -> (String) row.get()[0]).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(BrokerSettingsLoader.knownKeys());
        missing.removeAll(covered);

        assertThat(missing).as("keys the loader knows without a bad-value row").isEmpty();
    }

    static Stream<Arguments> boundaryValues() {
        return Stream.of(
                ok("namesrvAddr", "ns-1:1;ns-2:65535;"),
                ok("brokerIP1", "fe80::1"),
                ok("listenPort", "0"),
                ok("listenPort", "65535"),
                ok("defaultTopicQueueNums", "1024"),
                ok("brokerPermission", "0"),
                // clamped as RocketMQ clamps it, not refused
                ok("registerNameServerPeriod", "1", "10000"),
                ok("sendThreadPoolQueueCapacity", "1"),
                ok("sendThreadPoolQueueCapacity", "1000000"),
                ok("pullThreadPoolQueueCapacity", "1000000"),
                ok("flushConsumerOffsetInterval", "1"),
                ok("maxConnections", "1"),
                ok("maxConnectionsPerAddress", "1"),
                ok("maxBufferedFrameBytes", "1"),
                ok("maxPendingRequestsPerConnection", "1"),
                ok("writeBufferHighWaterMark", "2097152"),
                ok("writeBufferLowWaterMark", "1"),
                ok("maxPendingRequestBytesPerConnection", "1"),
                ok("maxPendingRequestBytesPerConnection", "33554432"),
                ok("maxPendingRequestBytesPerConnection", "9223372036854775807"),
                ok("maxPendingRequestBytes", "1"),
                ok("maxPendingRequestBytes", "134217728"),
                ok("maxPendingRequestBytes", "9223372036854775807"),
                ok("clientChannelMaxIdleTimeSeconds", "1"),
                ok("clientChannelMaxIdleTimeSeconds", "2147483647"),
                ok("timerMaxDelaySec", "1"),
                ok("timerMaxDelaySec", "2147483647"),
                ok("transactionTimeOut", "0"),
                ok("splitRegistrationSize", "1"),
                ok("enableSplitRegistration", "true"),
                ok("compressedRegister", "true"),
                ok("haListenPort", "-1"),
                ok("haTransferBatchSize", "1024"),
                ok("haMaxGapNotInSync", "0"),
                ok("accessMessageInMemoryMaxRatio", "100"),
                ok("mappedFileSizeCommitLog", Integer.toString(4 * 1024 * 1024 + 8)),
                ok("mappedFileSizeConsumeQueue", "20"),
                ok("flushIntervalCommitLog", "1"),
                ok("flushIntervalConsumeQueue", "1"),
                ok("syncFlushTimeout", "1"),
                ok("maxMessageSize", "1"),
                ok("maxMessageSize", Integer.toString(1024 * 1024 * 1024 - 8)),
                // expired as soon as written: the maintenance IT relies on it
                ok("fileReservedTime", "0"),
                ok("deleteWhen", "0"),
                ok("deleteWhen", "23"),
                ok("deleteWhen", "04;16"),
                ok("deleteWhen", "04; 16;"),
                ok("diskMaxUsedSpaceRatio", "10"),
                ok("diskMaxUsedSpaceRatio", "95"),
                ok("diskSpaceWarningLevelRatio", "1", "1.0"),
                ok("cleanResourceInterval", "1"),
                ok("maxHashSlotNum", "1"),
                ok("maxHashSlotNum", Long.toString(MAX_HASH_SLOT_NUM)),
                ok("maxIndexNum", "1"),
                ok("maxIndexNum", Long.toString(MAX_INDEX_NUM)),
                ok("maxTransferCountOnMessageInMemory", "1"),
                ok("maxMappedConsumeQueueFiles", "1"),
                ok("maxTransferBytesOnMessageInMemory", "1"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("boundaryValues")
    void aBoundaryValueStillLoads(String key, String value, String inForce) {
        BrokerSettings settings = BrokerSettingsLoader.load(Map.of(key, value), ROOT, LOCAL);

        assertThat(BrokerConfigProperties.of(settings)).containsEntry(key, inForce);
    }

    @Test
    void theRequestByteBoundsReachThePortLimits() {
        // the client port and the fast port both take settings.limits(), so this is what each enforces
        BrokerSettings settings = BrokerSettingsLoader.load(
                Map.of("maxPendingRequestBytesPerConnection", "1048576", "maxPendingRequestBytes", "4194304"),
                ROOT,
                LOCAL);

        assertThat(settings.limits().maxPendingRequestBytesPerConnection()).isEqualTo(1L << 20);
        assertThat(settings.limits().maxPendingRequestBytes()).isEqualTo(4L << 20);
        assertThat(BrokerSettingsLoader.load(Map.of(), ROOT, LOCAL).limits()).isEqualTo(ServerLimits.defaults());
    }

    @Test
    void aSlaveIdAndALargeIndexWithFewerSlotsLoadTogether() {
        Map<String, String> entries = new HashMap<>(Map.of("brokerRole", "SLAVE", "brokerId", "1"));
        // fewer slots leave room for more entries: the bound is on the file, not on each key
        entries.put("maxHashSlotNum", "1");
        entries.put("maxIndexNum", Long.toString((Integer.MAX_VALUE - 44L) / 20));

        BrokerSettings settings = BrokerSettingsLoader.load(entries, ROOT, LOCAL);

        assertThat(settings.broker().brokerId()).isEqualTo(1);
        assertThat(settings.store().maxIndexNum()).isEqualTo((Integer.MAX_VALUE - 44) / 20);
    }

    @Test
    void aBlankBrokerIp1KeepsTheDetectedAddressAsTheBootAppReadsIt() {
        assertThat(BrokerSettingsLoader.load(Map.of("brokerIP1", " "), ROOT, "10.0.0.7")
                        .broker()
                        .brokerIP1())
                .isEqualTo("10.0.0.7");
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of(), ROOT, " "))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("brokerIP1");
    }

    @Test
    void deleteWhenNamesTheAcceptedForm() {
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of("deleteWhen", "abc"), ROOT, LOCAL))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("deleteWhen must be hours of the day 0-23 separated by ';', as in RocketMQ"
                        + " (e.g. 04 or 04;16), was 'abc' ('abc')");
    }

    @Test
    void anIndexTooLargeForOneFileSaysHowLargeItMayBe() {
        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of("maxIndexNum", "200000000"), ROOT, LOCAL))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("maxIndexNum must be at most " + MAX_INDEX_NUM + " with that maxHashSlotNum");
    }

    @Test
    void aStoreRootThatIsAFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("store"), "not a directory");

        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of("storePathRootDir", file.toString()), ROOT, LOCAL))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("storePathRootDir must be a directory");
        assertThat(BrokerSettingsLoader.load(Map.of("storePathRootDir", dir.toString()), ROOT, LOCAL)
                        .store()
                        .storePathRootDir())
                .isEqualTo(dir);
    }

    @Test
    void aBadSecretIsNamedButNotRepeated() {
        String secret = "{\"accessKey\":\"ak\",\"secretKey\":\"s3cr3t\"";

        assertThatThrownBy(() -> BrokerSettingsLoader.load(Map.of(InnerCredentials.KEY, secret), ROOT, LOCAL))
                .hasMessageContaining(InnerCredentials.KEY)
                .hasMessageNotContaining("s3cr3t");
    }

    private static Arguments bad(String key, String value) {
        return Arguments.of(key, value);
    }

    private static Arguments ok(String key, String value) {
        return ok(key, value, value);
    }

    private static Arguments ok(String key, String value, String inForce) {
        return Arguments.of(key, value, inForce);
    }
}
