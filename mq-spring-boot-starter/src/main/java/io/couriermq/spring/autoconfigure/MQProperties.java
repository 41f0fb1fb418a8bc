package io.couriermq.spring.autoconfigure;

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

    @NestedConfigurationProperty
    private final MQConsumerProperties consumer = new MQConsumerProperties();

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

    public MQConsumerProperties getConsumer() {
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
