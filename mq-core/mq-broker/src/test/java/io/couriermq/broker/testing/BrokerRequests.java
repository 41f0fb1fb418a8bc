package io.couriermq.broker.testing;

import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.SerializeType;
import io.couriermq.remoting.protocol.body.HeartbeatData;
import io.couriermq.remoting.protocol.body.ProducerData;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.CreateTopicRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullSysFlag;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The requests the ITs send a broker, filled in as a 5.2.0 client fills them: sends as producer group
 * {@code pg} with TBW102 (4 queues) as the default topic, pulls as consumer group {@code cg} with a
 * tag subscription, to broker {@code broker-a}. Each builder changes only what a test says.
 */
public final class BrokerRequests {
    private static final String BROKER_NAME = "broker-a";
    private static final String DEFAULT_TOPIC = "TBW102";

    private BrokerRequests() {}

    /** SEND_MESSAGE_V2 to one queue: {@code send("Orders", 0).properties(...).body("hello")}. */
    public static Send send(String topic, int queueId) {
        return new Send(topic, queueId);
    }

    /** PULL_MESSAGE of up to 32 messages, subscribed to every tag, not held: {@code pull("Orders", 0, 0).build()}. */
    public static Pull pull(String topic, int queueId, long offset) {
        return new Pull(topic, queueId, offset);
    }

    /** UPDATE_AND_CREATE_TOPIC: 4 read and 4 write queues, read-write, single tag, not ordered. */
    public static RemotingCommand createTopic(String topic) {
        return RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC)
                .header(new CreateTopicRequestHeader(
                        topic, DEFAULT_TOPIC, 4, 4, Permission.READ_WRITE, "SINGLE_TAG", 0, false, null, null))
                .build();
    }

    /** HEART_BEAT of a client that runs one producer group and no consumer. */
    public static RemotingCommand producerHeartbeat(String clientId, String producerGroup) {
        HeartbeatData data = new HeartbeatData(clientId, Set.of(new ProducerData(producerGroup)), Set.of(), 0, false);
        return RemotingCommand.request(RequestCode.HEART_BEAT)
                .body(RemotingJson.encode(data))
                .build();
    }

    /** A send request in the making; {@link #body} finishes it. */
    public static final class Send {
        private final String topic;
        private final int queueId;
        private String producerGroup = "pg";
        private int defaultTopicQueueNums = 4;
        private int sysFlag;
        private Long bornTimestampMs;
        private String properties = "";
        private RequestCode code = RequestCode.SEND_MESSAGE_V2;
        private SerializeType serializeType = SerializeType.JSON;

        private Send(String topic, int queueId) {
            this.topic = topic;
            this.queueId = queueId;
        }

        public Send producerGroup(String producerGroup) {
            this.producerGroup = producerGroup;
            return this;
        }

        /** The queues a topic auto-created from TBW102 gets. */
        public Send defaultTopicQueueNums(int queues) {
            this.defaultTopicQueueNums = queues;
            return this;
        }

        public Send sysFlag(int sysFlag) {
            this.sysFlag = sysFlag;
            return this;
        }

        /** The born time (default: the wall clock when the request is built). */
        public Send bornAt(long timestampMs) {
            this.bornTimestampMs = timestampMs;
            return this;
        }

        /** The properties as they travel: each name and value ended by the control characters 1 and 2. */
        public Send properties(String properties) {
            this.properties = properties;
            return this;
        }

        /** SEND_BATCH_MESSAGE or SEND_REPLY_MESSAGE_V2 instead: the same header in its V2 form. */
        public Send code(RequestCode code) {
            this.code = code;
            return this;
        }

        public Send serializeType(SerializeType serializeType) {
            this.serializeType = serializeType;
            return this;
        }

        public SendMessageRequestHeader header() {
            return new SendMessageRequestHeader(
                    producerGroup,
                    topic,
                    DEFAULT_TOPIC,
                    defaultTopicQueueNums,
                    queueId,
                    sysFlag,
                    bornTimestampMs != null ? bornTimestampMs : System.currentTimeMillis(),
                    0,
                    properties,
                    0,
                    false,
                    null,
                    false,
                    BROKER_NAME);
        }

        public RemotingCommand body(String body) {
            return body(body.getBytes(StandardCharsets.UTF_8));
        }

        public RemotingCommand body(byte[] body) {
            return RemotingCommand.request(code)
                    .header(header().v2())
                    .body(body)
                    .serializeType(serializeType)
                    .build();
        }
    }

    /** A pull request in the making; {@link #build} finishes it. */
    public static final class Pull {
        private final String topic;
        private final int queueId;
        private final long offset;
        private String consumerGroup = "cg";
        private int maxMessages = 32;
        private long suspendMs;
        private String subscription = "*";
        private String expressionType = "TAG";
        private RequestCode code = RequestCode.PULL_MESSAGE;

        private Pull(String topic, int queueId, long offset) {
            this.topic = topic;
            this.queueId = queueId;
            this.offset = offset;
        }

        public Pull consumerGroup(String consumerGroup) {
            this.consumerGroup = consumerGroup;
            return this;
        }

        public Pull maxMessages(int maxMessages) {
            this.maxMessages = maxMessages;
            return this;
        }

        /** A tag expression ({@code TagA || TagB}) instead of every tag. */
        public Pull tags(String expression) {
            this.subscription = expression;
            this.expressionType = "TAG";
            return this;
        }

        public Pull sql92(String expression) {
            this.subscription = expression;
            this.expressionType = "SQL92";
            return this;
        }

        /** Held by the broker up to {@code suspendMs} when nothing is there yet (0: answered at once). */
        public Pull heldFor(long suspendMs) {
            this.suspendMs = suspendMs;
            return this;
        }

        /** LITE_PULL_MESSAGE, as the lite pull consumer sends it. */
        public Pull lite() {
            this.code = RequestCode.LITE_PULL_MESSAGE;
            return this;
        }

        public RemotingCommand build() {
            int sysFlag = PullSysFlag.SUBSCRIPTION | (suspendMs > 0 ? PullSysFlag.SUSPEND : 0);
            return RemotingCommand.request(code)
                    .header(new PullMessageRequestHeader(
                            consumerGroup,
                            topic,
                            queueId,
                            offset,
                            maxMessages,
                            sysFlag,
                            0,
                            suspendMs,
                            subscription,
                            0,
                            expressionType,
                            null,
                            BROKER_NAME))
                    .build();
        }
    }
}
