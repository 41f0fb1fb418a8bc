package io.couriermq.broker.config;

import static io.couriermq.broker.config.ConfigValues.requirePositive;
import static io.couriermq.broker.config.ConfigValues.requireRange;

import java.util.Arrays;
import java.util.List;

/**
 * The broker's own settings (the store's are in {@code StoreConfig}). Names are RocketMQ's broker.conf
 * keys, so an existing broker.conf keeps its meaning.
 *
 * @param namesrvAddr NameServer addresses separated by ';'
 * @param brokerIP1 the address clients and NameServers are told to use
 * @param bindAddress the local address the remoting port, the fast channel and the HA port listen on;
 *     {@code 0.0.0.0} (every interface) by default, as in RocketMQ. It does not change brokerIP1
 * @param sendThreadPoolQueueCapacity requests the send executor queues before refusing more; its array is
 *     allocated at start, so at most {@link #MAX_QUEUE_CAPACITY}
 * @param pullThreadPoolQueueCapacity the same for the pull executor
 * @param flushConsumerOffsetInterval ms between writes of the consumer offsets
 * @param clientChannelMaxIdleTimeSeconds seconds without a heartbeat after which a client is dropped
 * @param registerNameServerPeriod how often the broker re-registers, ms (clamped to 10-60 s as RocketMQ does)
 * @param enablePropertyFilter whether consumers may subscribe with SQL92 expressions (off by default, as in
 *     RocketMQ: evaluating them costs a property decode per examined message)
 * @param messageDelayLevel the delay of each level, e.g. {@code 1s 5s 10s ... 2h} (see {@link DelayLevels})
 * @param timerMaxDelaySec the furthest ahead a timed message may be scheduled, seconds (3 days by default)
 * @param transactionTimeOut ms a half message waits for its END_TRANSACTION before it is first checked
 * @param transactionCheckInterval ms between rounds of the transaction check-back
 * @param transactionCheckMax check-backs of one half message before it is given up
 * @param compressedRegister whether registrations go to the NameServers in RocketMQ's compressed form (zlib
 *     of one text line per topic) rather than JSON
 * @param enableSplitRegistration whether a topic table of more than {@code splitRegistrationSize} topics is
 *     registered in parts of that many (a table whose one body would be too large is split anyway)
 * @param splitRegistrationSize topics per part of a split registration
 */
public record BrokerConfig(
        String namesrvAddr,
        String brokerClusterName,
        String brokerName,
        long brokerId,
        String brokerIP1,
        int listenPort,
        String bindAddress,
        BrokerRole brokerRole,
        boolean autoCreateTopicEnable,
        boolean autoCreateSubscriptionGroup,
        int defaultTopicQueueNums,
        int brokerPermission,
        long registerNameServerPeriod,
        int sendThreadPoolQueueCapacity,
        int pullThreadPoolQueueCapacity,
        long flushConsumerOffsetInterval,
        long clientChannelMaxIdleTimeSeconds,
        boolean enablePropertyFilter,
        String messageDelayLevel,
        long timerMaxDelaySec,
        long transactionTimeOut,
        long transactionCheckInterval,
        int transactionCheckMax,
        boolean compressedRegister,
        boolean enableSplitRegistration,
        int splitRegistrationSize) {

    /**
     * Largest executor queue: ten times RocketMQ's largest default (100,000). The queue's array is allocated
     * when the broker starts, and a request queued behind a million others has long outlived its client's
     * timeout.
     */
    public static final int MAX_QUEUE_CAPACITY = 1_000_000;

    public BrokerConfig {
        if (brokerName == null || brokerName.isBlank()) {
            throw new InvalidConfigException("brokerName must not be empty");
        }
        if (brokerClusterName == null || brokerClusterName.isBlank()) {
            throw new InvalidConfigException("brokerClusterName must not be empty");
        }
        nameServerAddresses(namesrvAddr);
        if (brokerIP1 == null
                || brokerIP1.isBlank()
                || brokerIP1.strip().chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidConfigException(
                    "brokerIP1 must be the address clients reach this broker at, was '" + brokerIP1 + "'");
        }
        // one ':' is host:port (an IPv6 literal has several): the port would be appended twice
        if (brokerIP1.matches("[^:]+:\\d*")) {
            throw new InvalidConfigException(
                    "brokerIP1 must be an address without a port (the port is listenPort), was '" + brokerIP1 + "'");
        }
        if (brokerId < 0) {
            throw new InvalidConfigException("brokerId must be 0 (master) or positive (slave), was " + brokerId);
        }
        if ((brokerId == 0) != brokerRole.isMaster()) {
            throw new InvalidConfigException("brokerId " + brokerId + " does not fit brokerRole " + brokerRole
                    + ": masters have id 0, slaves more");
        }
        if (listenPort < 0 || listenPort > 65535) {
            throw new InvalidConfigException("listenPort must be 0..65535, was " + listenPort);
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new InvalidConfigException("bindAddress must not be empty (0.0.0.0 listens on every interface)");
        }
        if (defaultTopicQueueNums < 1 || defaultTopicQueueNums > 1024) {
            throw new InvalidConfigException("defaultTopicQueueNums must be 1..1024, was " + defaultTopicQueueNums);
        }
        if (brokerPermission < 0 || brokerPermission > 7) {
            throw new InvalidConfigException("brokerPermission must be 0..7, was " + brokerPermission);
        }
        requireRange("sendThreadPoolQueueCapacity", sendThreadPoolQueueCapacity, 1, MAX_QUEUE_CAPACITY, "requests");
        requireRange("pullThreadPoolQueueCapacity", pullThreadPoolQueueCapacity, 1, MAX_QUEUE_CAPACITY, "requests");
        requirePositive("flushConsumerOffsetInterval", flushConsumerOffsetInterval, "ms");
        // the connections' idle timeout takes it as an int
        requireRange(
                "clientChannelMaxIdleTimeSeconds", clientChannelMaxIdleTimeSeconds, 1, Integer.MAX_VALUE, "seconds");
        delayLevels(messageDelayLevel);
        // an int in RocketMQ; also keeps due times (now + delay in ms) far from overflowing a long
        requireRange("timerMaxDelaySec", timerMaxDelaySec, 1, Integer.MAX_VALUE, "seconds");
        if (transactionTimeOut < 0 || transactionCheckInterval <= 0 || transactionCheckMax < 1) {
            throw new InvalidConfigException("transactionTimeOut must be >= 0, transactionCheckInterval > 0 and"
                    + " transactionCheckMax >= 1, were " + transactionTimeOut + ", " + transactionCheckInterval
                    + ", " + transactionCheckMax);
        }
        requireRange("splitRegistrationSize", splitRegistrationSize, 1, 1_000_000, "topics");
        registerNameServerPeriod = Math.max(10_000, Math.min(60_000, registerNameServerPeriod));
    }

    /** NameServer addresses, trimmed, without empty entries. */
    public List<String> nameServerAddresses() {
        return nameServerAddresses(namesrvAddr);
    }

    private static List<String> nameServerAddresses(String namesrvAddr) {
        if (namesrvAddr == null || namesrvAddr.isBlank()) {
            return List.of();
        }
        List<String> addresses = Arrays.stream(namesrvAddr.split(";"))
                .map(String::trim)
                .filter(address -> !address.isEmpty())
                .toList();
        for (String address : addresses) {
            // host:port, the port after the last ':' as the remoting client reads it
            int colon = address.lastIndexOf(':');
            String port = colon < 0 ? "" : address.substring(colon + 1);
            boolean valid = colon > 0
                    && port.matches("\\d{1,5}")
                    && Integer.parseInt(port) >= 1
                    && Integer.parseInt(port) <= 65535
                    && address.chars().noneMatch(Character::isWhitespace);
            if (!valid) {
                throw new InvalidConfigException("namesrvAddr must be host:port entries separated by ';', was '"
                        + namesrvAddr + "' ('" + address + "')");
            }
        }
        return addresses;
    }

    /** The parsed {@link #messageDelayLevel}. */
    public DelayLevels delayLevels() {
        return delayLevels(messageDelayLevel);
    }

    private static DelayLevels delayLevels(String text) {
        return DelayLevels.parse(text);
    }

    /** The address this broker registers under: {@code brokerIP1:listenPort}. */
    public String brokerAddress(int actualPort) {
        return brokerIP1 + ":" + actualPort;
    }
}
