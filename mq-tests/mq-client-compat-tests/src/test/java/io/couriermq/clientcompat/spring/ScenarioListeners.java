package io.couriermq.clientcompat.spring;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.ConsumeMode;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.annotation.MQTransactionListener;
import io.couriermq.spring.annotation.MessageModel;
import io.couriermq.spring.annotation.SelectorType;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.core.MQLocalTransactionListener;
import io.couriermq.spring.core.MQLocalTransactionState;
import io.couriermq.spring.core.MQReplyListener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.messaging.Message;

/**
 * The listener beans of the application under test, one consumer group and topic per scenario. Every
 * group reads from the first offset: the topics are new, and a message sent before a rebalance settles
 * must still be seen. Each bean keeps what it received for the scenarios to assert on.
 */
final class ScenarioListeners {
    static final String SEND_TOPIC = "SpringStarterSend";
    static final String JSON_TOPIC = "SpringStarterJson";
    static final String DELAY_TOPIC = "SpringStarterDelay";
    static final String CONCURRENT_TOPIC = "SpringStarterConcurrent";
    static final String ORDERLY_TOPIC = "SpringStarterOrderly";
    static final String BROADCAST_TOPIC = "SpringStarterBroadcast";
    static final String SQL_TOPIC = "SpringStarterSql";
    static final String REQUEST_TOPIC = "SpringStarterRequest";
    static final String TX_TOPIC = "SpringStarterTx";
    static final String TX_PRODUCER_GROUP = "spring-starter-tx-producer";

    static final List<String> TOPICS = List.of(
            SEND_TOPIC,
            JSON_TOPIC,
            DELAY_TOPIC,
            CONCURRENT_TOPIC,
            ORDERLY_TOPIC,
            BROADCAST_TOPIC,
            SQL_TOPIC,
            REQUEST_TOPIC,
            TX_TOPIC);

    private ScenarioListeners() {}

    /** A JSON payload: a record, as applications send them. */
    record Order(String id, int amount) {}

    /** Every send kind of the template ends here; the headers show tags, keys, properties and the queue. */
    static class SendKinds {
        final Deliveries received = new Deliveries();

        @MQMessageListener(
                topic = SEND_TOPIC,
                consumerGroup = "spring-send-kinds",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void onMessage(Message<String> message) {
            received.add(message.getPayload(), message.getHeaders());
        }
    }

    /** Reads {@link #JSON_TOPIC} as the record the sender sent. */
    @MQMessageListener(
            topic = JSON_TOPIC,
            consumerGroup = "spring-json-orders",
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    static class JsonOrders implements MQListener<Order> {
        final List<Order> received = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(Order order) {
            received.add(order);
        }
    }

    /** Reads the same topic in another group as text: what actually travelled. */
    static class JsonText {
        final Deliveries received = new Deliveries();

        @MQMessageListener(
                topic = JSON_TOPIC,
                consumerGroup = "spring-json-text",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void onMessage(Message<String> message) {
            received.add(message.getPayload(), message.getHeaders());
        }
    }

    static class Delayed {
        final Deliveries received = new Deliveries();

        @MQMessageListener(
                topic = DELAY_TOPIC,
                consumerGroup = "spring-delayed",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void onMessage(Message<String> message) {
            received.add(message.getPayload(), message.getHeaders());
        }
    }

    /**
     * A concurrent listener with four threads. The first two calls each wait (up to 10 s) for the other to
     * begin, so {@link #mostInFlight} reaches 2 only if two calls really ran at the same time.
     */
    @MQMessageListener(
            topic = CONCURRENT_TOPIC,
            consumerGroup = "spring-concurrent",
            consumeThreadNumber = 4,
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    static class Concurrent implements MQListener<String> {
        final Deliveries received = new Deliveries();
        final AtomicInteger mostInFlight = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final CountDownLatch firstTwo = new CountDownLatch(2);

        @Override
        public void onMessage(String message) {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                firstTwo.countDown();
                firstTwo.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            received.add(message);
        }
    }

    /** An orderly listener: per key, the steps in the order they arrived. */
    @MQMessageListener(
            topic = ORDERLY_TOPIC,
            consumerGroup = "spring-orderly",
            consumeMode = ConsumeMode.ORDERLY,
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    static class Orderly implements MQListener<String> {
        final Map<String, List<Integer>> stepsByKey = new ConcurrentHashMap<>();

        @Override
        public void onMessage(String message) {
            String[] keyAndStep = message.split(":");
            stepsByKey
                    .computeIfAbsent(keyAndStep[0], key -> new CopyOnWriteArrayList<>())
                    .add(Integer.parseInt(keyAndStep[1]));
        }
    }

    /** A broadcasting listener; the second application context has one of the same group too. */
    @MQMessageListener(
            topic = BROADCAST_TOPIC,
            consumerGroup = "spring-broadcast",
            messageModel = MessageModel.BROADCASTING,
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    static class Broadcast implements MQListener<String> {
        final Deliveries received = new Deliveries();

        @Override
        public void onMessage(String message) {
            received.add(message);
        }
    }

    /** Filtered by the broker: only messages whose numeric {@code amount} property is above 10. */
    static class SqlFiltered {
        final Deliveries received = new Deliveries();

        @MQMessageListener(
                topic = SQL_TOPIC,
                consumerGroup = "spring-sql",
                selectorType = SelectorType.SQL92,
                selectorExpression = "amount > 10",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void onMessage(Message<String> message) {
            received.add(message.getPayload(), message.getHeaders());
        }
    }

    /** Answers each request: the starter sends what it returns back to the requester. */
    @MQMessageListener(
            topic = REQUEST_TOPIC,
            consumerGroup = "spring-replier",
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    static class Replier implements MQReplyListener<String, String> {
        final Deliveries received = new Deliveries();

        @Override
        public String onMessage(String request) {
            received.add(request);
            return "pong:" + request;
        }
    }

    static class TxReceiver {
        final Deliveries received = new Deliveries();

        @MQMessageListener(
                topic = TX_TOPIC,
                consumerGroup = "spring-tx-receiver",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void onMessage(String message) {
            received.add(message);
        }
    }

    /**
     * The local transaction answers what the sender passed as argument; a check-back rolls back {@code
     * rolled-back} and commits anything else. Both record the payload they saw.
     */
    @MQTransactionListener(producerGroup = TX_PRODUCER_GROUP)
    static class LocalTransactions implements MQLocalTransactionListener {
        final List<Object> executed = new CopyOnWriteArrayList<>();
        final List<String> checked = new CopyOnWriteArrayList<>();

        @Override
        public MQLocalTransactionState executeLocalTransaction(Message<?> message, Object arg) {
            executed.add(message.getPayload());
            return (MQLocalTransactionState) arg;
        }

        @Override
        public MQLocalTransactionState checkLocalTransaction(Message<?> message) {
            String body = new String((byte[]) message.getPayload(), StandardCharsets.UTF_8);
            checked.add(body);
            return body.equals("rolled-back") ? MQLocalTransactionState.ROLLBACK : MQLocalTransactionState.COMMIT;
        }
    }
}
