package io.couriermq.spring.autoconfigure;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.security.Credentials;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * Turns {@link MQProperties} into the client's configuration records, checking every value first so a
 * bad one is reported by its {@code courier.*} key rather than by the record's field name.
 */
public final class ClientSettings {
    private final MQProperties properties;
    private final MQConnectionDetails connection;

    public ClientSettings(MQProperties properties) {
        this(properties, new PropertiesMQConnectionDetails(properties));
    }

    public ClientSettings(MQProperties properties, MQConnectionDetails connection) {
        this.properties = properties;
        this.connection = connection;
    }

    public MQProperties properties() {
        return properties;
    }

    /**
     * Checks every setting once, so a bad consumer or producer value fails start-up even before the first
     * listener or send uses it.
     */
    public void validate() {
        clientConfig(null, null);
        ClientTlsSettings.checkLoadable(properties.getTls(), tls());
        producerCredentials();
        consumerCredentials();
        producerConfig(properties.getProducer().getGroup());
        consumerConfig("validation").build();
    }

    /** The credentials of {@code courier.access-key}/{@code secret-key}/{@code security-token}, or null. */
    public Credentials credentials() {
        return CredentialSettings.of(
                "courier.access-key",
                properties.getAccessKey(),
                "courier.secret-key",
                properties.getSecretKey(),
                properties.getSecurityToken());
    }

    /**
     * The TLS of every runtime the starter starts, the shared one and those of other accounts alike
     * ({@code courier.tls.*}; disabled by default).
     */
    public TlsClientSettings tls() {
        return ClientTlsSettings.of(properties.getTls());
    }

    /** {@code courier.producer.access-key}/{@code secret-key} if set, else {@link #credentials()}. */
    public Credentials producerCredentials() {
        MQProperties.Producer producer = properties.getProducer();
        Credentials own = CredentialSettings.of(
                "courier.producer.access-key",
                producer.getAccessKey(),
                "courier.producer.secret-key",
                producer.getSecretKey(),
                null);
        return own != null ? own : credentials();
    }

    /** {@code courier.consumer.access-key}/{@code secret-key} if set, else {@link #credentials()}. */
    public Credentials consumerCredentials() {
        MQConsumerProperties consumer = properties.getConsumer();
        Credentials own = CredentialSettings.of(
                "courier.consumer.access-key",
                consumer.getAccessKey(),
                "courier.consumer.secret-key",
                consumer.getSecretKey(),
                null);
        return own != null ? own : credentials();
    }

    /**
     * The client configuration for {@code nameServer} (a listener's own) or {@code courier.name-server},
     * signing with {@link #credentials()}.
     */
    public ClientConfig clientConfig(String nameServer, String instanceSuffix) {
        return clientConfig(nameServer, instanceSuffix, credentials());
    }

    /**
     * As {@link #clientConfig(String, String)}, signing with {@code credentials} (null: unsigned); TLS as
     * {@link #tls()}.
     */
    public ClientConfig clientConfig(String nameServer, String instanceSuffix, Credentials credentials) {
        String key = "courier.name-server";
        String addresses = nameServer == null || nameServer.isBlank() ? connection.nameServer() : nameServer;
        validateNameServers(key, addresses);
        MQProperties.Client client = properties.getClient();
        positive("courier.client.request-timeout", client.getRequestTimeout());
        positive("courier.client.io-threads", client.getIoThreads());
        positive("courier.client.route-refresh-interval", client.getRouteRefreshInterval());
        positive("courier.client.heartbeat-interval", client.getHeartbeatInterval());
        if (client.getInstanceName() == null || client.getInstanceName().isBlank()) {
            throw new MQConfigurationException(
                    "courier.client.instance-name",
                    client.getInstanceName(),
                    "must not be blank",
                    "Remove the setting or give the client instance a name.");
        }
        ClientConfig.Builder builder = ClientConfig.builder(addresses)
                .instanceName(instanceName(client.getInstanceName(), instanceSuffix))
                .requestTimeoutMs(client.getRequestTimeout().toMillis())
                .ioThreads(client.getIoThreads())
                .routeRefreshIntervalMs(client.getRouteRefreshInterval().toMillis())
                .heartbeatIntervalMs(client.getHeartbeatInterval().toMillis())
                .credentials(credentials)
                .tls(tls());
        if (client.getClientIp() != null && !client.getClientIp().isBlank()) {
            builder.clientIp(client.getClientIp());
        }
        return builder.build();
    }

    private static String instanceName(String configured, String suffix) {
        if (suffix == null || suffix.isEmpty()) {
            return configured;
        }
        return configured.equals(ClientConfig.DEFAULT_INSTANCE_NAME) ? configured : configured + "-" + suffix;
    }

    /** The producer configuration for {@code group} with the {@code courier.producer.*} settings. */
    public ProducerConfig producerConfig(String group) {
        MQProperties.Producer producer = properties.getProducer();
        if (group == null || group.isBlank()) {
            throw new MQConfigurationException(
                    "courier.producer.group",
                    group,
                    "a producer group is required",
                    "Set courier.producer.group (or the producerGroup of the transaction listener).");
        }
        positive("courier.producer.send-timeout", producer.getSendTimeout());
        if (producer.getRetries() < 0) {
            throw new MQConfigurationException(
                    "courier.producer.retries", producer.getRetries(), "must not be negative", "Use 0 or more.");
        }
        positive("courier.producer.max-in-flight", producer.getMaxInFlight());
        positive("courier.producer.compress-threshold", producer.getCompressThreshold());
        positive("courier.producer.max-message-size", producer.getMaxMessageSize());
        positive("courier.producer.max-batch-size", producer.getMaxBatchSize());
        positive("courier.producer.default-topic-queues", producer.getDefaultTopicQueues());
        return ProducerConfig.builder(group)
                .sendTimeoutMs(producer.getSendTimeout().toMillis())
                .retries(producer.getRetries())
                .maxInFlight(producer.getMaxInFlight())
                .compressThresholdBytes(
                        intBytes("courier.producer.compress-threshold", producer.getCompressThreshold()))
                .maxMessageBytes(intBytes("courier.producer.max-message-size", producer.getMaxMessageSize()))
                .maxBatchBytes(intBytes("courier.producer.max-batch-size", producer.getMaxBatchSize()))
                .defaultTopicQueues(producer.getDefaultTopicQueues())
                .faultAvoidance(producer.isFaultAvoidance())
                .build();
    }

    /** A consumer configuration builder for {@code group} with the {@code courier.consumer.*} defaults. */
    public ConsumerConfig.Builder consumerConfig(String group) {
        MQConsumerProperties consumer = properties.getConsumer();
        positive("courier.consumer.consume-threads", consumer.getConsumeThreads());
        positive("courier.consumer.consume-backlog-limit", consumer.getConsumeBacklogLimit());
        range("courier.consumer.pull-batch-size", consumer.getPullBatchSize(), 1, 1024);
        positive("courier.consumer.max-cached-messages-per-queue", consumer.getMaxCachedMessagesPerQueue());
        positive("courier.consumer.max-cached-size-per-queue", consumer.getMaxCachedSizePerQueue());
        range("courier.consumer.max-reconsume-times", consumer.getMaxReconsumeTimes(), -1, Integer.MAX_VALUE);
        positive("courier.consumer.rebalance-interval", consumer.getRebalanceInterval());
        positive("courier.consumer.persist-offset-interval", consumer.getPersistOffsetInterval());
        if (consumer.getShutdownTimeout() == null
                || consumer.getShutdownTimeout().isNegative()) {
            throw new MQConfigurationException(
                    "courier.consumer.shutdown-timeout",
                    consumer.getShutdownTimeout(),
                    "must not be negative",
                    "Use 0 or a positive duration.");
        }
        MQConsumerProperties.LocalRetry retry = consumer.getLocalRetry();
        positive("courier.consumer.local-retry.max-attempts", retry.getMaxAttempts());
        positive("courier.consumer.local-retry.initial-interval", retry.getInitialInterval());
        positive("courier.consumer.local-retry.max-interval", retry.getMaxInterval());
        if (retry.getMultiplier() < 1.0) {
            throw new MQConfigurationException(
                    "courier.consumer.local-retry.multiplier",
                    retry.getMultiplier(),
                    "must be 1 or more",
                    "Use 1 or more.");
        }
        ConsumerConfig.Builder builder = ConsumerConfig.builder(group)
                .consumeThreads(consumer.getConsumeThreads())
                .consumeBacklogLimit(consumer.getConsumeBacklogLimit())
                .pullBatchSize(consumer.getPullBatchSize())
                .maxCachedMessagesPerQueue(consumer.getMaxCachedMessagesPerQueue())
                .maxCachedBytesPerQueue(consumer.getMaxCachedSizePerQueue().toBytes())
                .maxReconsumeTimes(consumer.getMaxReconsumeTimes())
                .rebalanceIntervalMs(consumer.getRebalanceInterval().toMillis())
                .persistOffsetIntervalMs(consumer.getPersistOffsetInterval().toMillis())
                .shutdownAwaitMs(consumer.getShutdownTimeout().toMillis());
        if (consumer.getOffsetStoreDir() != null) {
            builder.offsetStoreDir(consumer.getOffsetStoreDir());
        }
        return builder;
    }

    /** Fails with the key unless {@code addresses} is a non-empty list of host:port. */
    public static List<String> validateNameServers(String key, String addresses) {
        if (addresses == null || addresses.isBlank()) {
            throw new MQConfigurationException(
                    key,
                    addresses,
                    "no NameServer address is configured",
                    "Set " + key + " to the NameServers' host:port list, separated by ';' (for example " + key
                            + "=127.0.0.1:9876).");
        }
        List<String> list = Arrays.stream(addresses.split(";"))
                .map(String::trim)
                .filter(address -> !address.isEmpty())
                .toList();
        for (String address : list) {
            int colon = address.lastIndexOf(':');
            String port = colon > 0 ? address.substring(colon + 1) : "";
            if (colon <= 0
                    || !port.matches("\\d{1,5}")
                    || Integer.parseInt(port) < 1
                    || Integer.parseInt(port) > 65535) {
                throw new MQConfigurationException(
                        key,
                        addresses,
                        "'" + address + "' is not host:port",
                        "Give each NameServer as host:port with a port of 1 to 65535, separated by ';'.");
            }
        }
        if (list.isEmpty()) {
            throw new MQConfigurationException(
                    key, addresses, "no NameServer address is configured", "Set " + key + " to host:port.");
        }
        return list;
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new MQConfigurationException(key, value, "must be a positive duration", "Use for example 3s.");
        }
    }

    private static void positive(String key, DataSize value) {
        if (value == null || value.toBytes() <= 0) {
            throw new MQConfigurationException(key, value, "must be a positive size", "Use for example 4MB.");
        }
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new MQConfigurationException(key, value, "must be positive", "Use a value of 1 or more.");
        }
    }

    private static void range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new MQConfigurationException(
                    key,
                    value,
                    "must be " + min + ".." + (max == Integer.MAX_VALUE ? "" : max),
                    "Use a value in range.");
        }
    }

    private static int intBytes(String key, DataSize size) {
        if (size.toBytes() > Integer.MAX_VALUE) {
            throw new MQConfigurationException(key, size, "must be under 2GB", "Use a smaller size.");
        }
        return (int) size.toBytes();
    }
}
