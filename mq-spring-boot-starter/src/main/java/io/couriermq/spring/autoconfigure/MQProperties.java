package io.couriermq.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/** Settings of the CourierMQ starter, under {@code courier.*}. */
@ConfigurationProperties(prefix = "courier")
public class MQProperties {

    /** Whether to configure the CourierMQ client, template and listeners. */
    private boolean enabled = true;

    /** NameServer addresses, host:port separated by semicolons (for example 127.0.0.1:9876). */
    private String nameServer;

    /** JSON library for payloads that are not byte[] or String: jackson (Jackson 3) or jackson2. */
    private String preferredJsonMapper = "jackson";

    /**
     * ACL access key (RocketMQ ACL 1.0): when set, with secret-key, every request of the template and the
     * listeners is signed. courier.producer.* and courier.consumer.* may name another account.
     */
    private String accessKey;

    /** ACL secret key that signs the requests of access-key; never sent, logged or shown. */
    private String secretKey;

    /** Optional security token sent (and signed) with every request of access-key. */
    private String securityToken;

    private final Client client = new Client();
    private final Producer producer = new Producer();
    private final Consumer consumer = new Consumer();
    private final Observation observation = new Observation();
    private final Actuator actuator = new Actuator();

    @NestedConfigurationProperty
    private final MQTlsProperties tls = new MQTlsProperties();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getNameServer() {
        return nameServer;
    }

    public void setNameServer(String nameServer) {
        this.nameServer = nameServer;
    }

    public String getPreferredJsonMapper() {
        return preferredJsonMapper;
    }

    public void setPreferredJsonMapper(String preferredJsonMapper) {
        this.preferredJsonMapper = preferredJsonMapper;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSecurityToken() {
        return securityToken;
    }

    public void setSecurityToken(String securityToken) {
        this.securityToken = securityToken;
    }

    public Client getClient() {
        return client;
    }

    public Producer getProducer() {
        return producer;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public Observation getObservation() {
        return observation;
    }

    public Actuator getActuator() {
        return actuator;
    }

    /** TLS of every client connection, under {@code courier.tls.*}. */
    public MQTlsProperties getTls() {
        return tls;
    }

    /** Connections shared by the template and the listener containers. */
    public static class Client {
        /** Name of the client instance; part of the client id brokers see. Unique per process by default. */
        private String instanceName = "DEFAULT";

        /** Address this client reports to brokers; a local address by default. */
        private String clientIp;

        /** Timeout of one request to a NameServer or broker. */
        private Duration requestTimeout = Duration.ofSeconds(3);

        /** Netty event-loop threads of the client. */
        private int ioThreads = 2;

        /** How often the routes of topics in use are refreshed from the NameServers. */
        private Duration routeRefreshInterval = Duration.ofSeconds(30);

        /** How often every broker in use gets a heartbeat. */
        private Duration heartbeatInterval = Duration.ofSeconds(30);

        public String getInstanceName() {
            return instanceName;
        }

        public void setInstanceName(String instanceName) {
            this.instanceName = instanceName;
        }

        public String getClientIp() {
            return clientIp;
        }

        public void setClientIp(String clientIp) {
            this.clientIp = clientIp;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        public int getIoThreads() {
            return ioThreads;
        }

        public void setIoThreads(int ioThreads) {
            this.ioThreads = ioThreads;
        }

        public Duration getRouteRefreshInterval() {
            return routeRefreshInterval;
        }

        public void setRouteRefreshInterval(Duration routeRefreshInterval) {
            this.routeRefreshInterval = routeRefreshInterval;
        }

        public Duration getHeartbeatInterval() {
            return heartbeatInterval;
        }

        public void setHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
        }
    }

    /** The template's producer. */
    public static class Producer {
        /** Producer group of the template's sends and of transactions without a group of their own. */
        private String group = "DEFAULT_PRODUCER";

        /** Time budget of one send, retries included. */
        private Duration sendTimeout = Duration.ofSeconds(3);

        /** Further attempts after a retriable failure, each on another broker when there is one. */
        private int retries = 2;

        /** Most asynchronous sends waiting for an answer; further ones wait for a free slot. */
        private int maxInFlight = 10_000;

        /** Bodies at least this large are compressed. */
        private DataSize compressThreshold = DataSize.ofKilobytes(4);

        /** Largest body sent; larger ones are refused before sending. */
        private DataSize maxMessageSize = DataSize.ofMegabytes(4);

        /** Batches are split into requests of at most this size. */
        private DataSize maxBatchSize = DataSize.ofMegabytes(1);

        /** Queues of a topic that the broker creates on its first send. */
        private int defaultTopicQueues = 4;

        /** Whether brokers that recently failed or answered slowly are avoided for a while. */
        private boolean faultAvoidance = true;

        /** ACL access key of the template's producers instead of courier.access-key (they then connect apart). */
        private String accessKey;

        /** ACL secret key of courier.producer.access-key; never sent, logged or shown. */
        private String secretKey;

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public Duration getSendTimeout() {
            return sendTimeout;
        }

        public void setSendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
        }

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }

        public int getMaxInFlight() {
            return maxInFlight;
        }

        public void setMaxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
        }

        public DataSize getCompressThreshold() {
            return compressThreshold;
        }

        public void setCompressThreshold(DataSize compressThreshold) {
            this.compressThreshold = compressThreshold;
        }

        public DataSize getMaxMessageSize() {
            return maxMessageSize;
        }

        public void setMaxMessageSize(DataSize maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
        }

        public DataSize getMaxBatchSize() {
            return maxBatchSize;
        }

        public void setMaxBatchSize(DataSize maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
        }

        public int getDefaultTopicQueues() {
            return defaultTopicQueues;
        }

        public void setDefaultTopicQueues(int defaultTopicQueues) {
            this.defaultTopicQueues = defaultTopicQueues;
        }

        public boolean isFaultAvoidance() {
            return faultAvoidance;
        }

        public void setFaultAvoidance(boolean faultAvoidance) {
            this.faultAvoidance = faultAvoidance;
        }

        public String getAccessKey() {
            return accessKey;
        }

        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }
    }

    /** Defaults of the listener containers; annotation attributes override some per listener. */
    public static class Consumer {
        /** Listener threads per consumer group. */
        private int consumeThreads = 20;

        /** Messages handed to the listener threads and not finished, above which pulling pauses. */
        private int consumeBacklogLimit = 10_000;

        /** Messages asked for per pull. */
        private int pullBatchSize = 32;

        /** Unconsumed messages of one queue above which it is not pulled until it drains. */
        private int maxCachedMessagesPerQueue = 1_000;

        /** The same limit in body size. */
        private DataSize maxCachedSizePerQueue = DataSize.ofMegabytes(100);

        /**
         * Deliveries before a message goes to the dead-letter queue; -1 means 16 for concurrent listeners
         * and unlimited for orderly ones.
         */
        private int maxReconsumeTimes = -1;

        /** How often a group rebalances its queues (also at once when its members change). */
        private Duration rebalanceInterval = Duration.ofSeconds(20);

        /** How often consumed offsets are committed. */
        private Duration persistOffsetInterval = Duration.ofSeconds(5);

        /** How long stopping a listener waits for the calls in progress. */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        /** Directory of broadcasting consumers' offset files; ~/.courier_offsets by default. */
        private Path offsetStoreDir;

        /**
         * ACL access key of the listeners instead of courier.access-key (they then connect apart); a
         * listener's own accessKey attribute overrides it.
         */
        private String accessKey;

        /** ACL secret key of courier.consumer.access-key; never sent, logged or shown. */
        private String secretKey;

        private final LocalRetry localRetry = new LocalRetry();

        public int getConsumeThreads() {
            return consumeThreads;
        }

        public void setConsumeThreads(int consumeThreads) {
            this.consumeThreads = consumeThreads;
        }

        public int getConsumeBacklogLimit() {
            return consumeBacklogLimit;
        }

        public void setConsumeBacklogLimit(int consumeBacklogLimit) {
            this.consumeBacklogLimit = consumeBacklogLimit;
        }

        public int getPullBatchSize() {
            return pullBatchSize;
        }

        public void setPullBatchSize(int pullBatchSize) {
            this.pullBatchSize = pullBatchSize;
        }

        public int getMaxCachedMessagesPerQueue() {
            return maxCachedMessagesPerQueue;
        }

        public void setMaxCachedMessagesPerQueue(int maxCachedMessagesPerQueue) {
            this.maxCachedMessagesPerQueue = maxCachedMessagesPerQueue;
        }

        public DataSize getMaxCachedSizePerQueue() {
            return maxCachedSizePerQueue;
        }

        public void setMaxCachedSizePerQueue(DataSize maxCachedSizePerQueue) {
            this.maxCachedSizePerQueue = maxCachedSizePerQueue;
        }

        public int getMaxReconsumeTimes() {
            return maxReconsumeTimes;
        }

        public void setMaxReconsumeTimes(int maxReconsumeTimes) {
            this.maxReconsumeTimes = maxReconsumeTimes;
        }

        public Duration getRebalanceInterval() {
            return rebalanceInterval;
        }

        public void setRebalanceInterval(Duration rebalanceInterval) {
            this.rebalanceInterval = rebalanceInterval;
        }

        public Duration getPersistOffsetInterval() {
            return persistOffsetInterval;
        }

        public void setPersistOffsetInterval(Duration persistOffsetInterval) {
            this.persistOffsetInterval = persistOffsetInterval;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public Path getOffsetStoreDir() {
            return offsetStoreDir;
        }

        public void setOffsetStoreDir(Path offsetStoreDir) {
            this.offsetStoreDir = offsetStoreDir;
        }

        public String getAccessKey() {
            return accessKey;
        }

        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        public LocalRetry getLocalRetry() {
            return localRetry;
        }
    }

    /**
     * In-process retries of a failed listener call before the message is sent back to the broker (which
     * then retries with its growing delays). Off unless max-attempts is above 1.
     */
    public static class LocalRetry {
        /** Calls of the listener per delivery, the first included; 1 turns local retries off. */
        private int maxAttempts = 1;

        /** Wait before the first local retry. */
        private Duration initialInterval = Duration.ofMillis(100);

        /** Factor applied to the wait after each local retry. */
        private double multiplier = 2.0;

        /** Longest wait between local retries. */
        private Duration maxInterval = Duration.ofSeconds(2);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialInterval() {
            return initialInterval;
        }

        public void setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }
    }

    /** Micrometer observations (traces) of sends and listener calls. */
    public static class Observation {
        /**
         * Whether sends and listener calls are observed, with the trace context carried in message
         * properties from the template to the listener.
         */
        private boolean enabled;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The starter's actuator endpoints. */
    public static class Actuator {
        /**
         * Whether the state-changing operations of the starter's endpoints (mqlisteners pause, resume and
         * restart) are served without Spring Security on the classpath. Off by default: anyone who can reach
         * the actuator could stop consumption. With Spring Security they are served anyway (it demands a
         * login for the actuator).
         */
        private boolean writeEnabled;

        public boolean isWriteEnabled() {
            return writeEnabled;
        }

        public void setWriteEnabled(boolean writeEnabled) {
            this.writeEnabled = writeEnabled;
        }
    }
}
