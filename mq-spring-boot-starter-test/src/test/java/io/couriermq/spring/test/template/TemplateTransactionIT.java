package io.couriermq.spring.test.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.producer.LocalTransactionState;
import io.couriermq.client.producer.SendStatus;
import io.couriermq.client.producer.TransactionSendResult;
import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.annotation.MQTransactionListener;
import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQLocalTransactionListener;
import io.couriermq.spring.core.MQLocalTransactionState;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.test.EmbeddedMQ;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Transactional sends with two transaction listeners, one for the default producer group and one for
 * another: each group's sends run its own listener, with the application's message and argument; COMMIT
 * delivers once, ROLLBACK never, UNKNOWN after the broker's check-back answered COMMIT. The broker checks
 * every second for halves older than a second, so the check-back comes quickly.
 */
@SpringBootTest(
        classes = TemplateTransactionIT.App.class,
        properties = "courier.producer.group=" + TemplateTransactionIT.DEFAULT_GROUP)
@EmbeddedMQ(
        topics = "TplTx:2",
        brokerProperties = {"transactionCheckInterval=1000", "transactionTimeOut=1000"})
@DirtiesContext
class TemplateTransactionIT {
    static final String DEFAULT_GROUP = "tpl-tx-default";
    static final String OTHER_GROUP = "tpl-tx-other";
    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    /** The payload: an object, so the local transaction can be shown to get this very instance. */
    record Payment(String id, long cents) {}

    /** The sender's argument: what the local transaction should decide. */
    record Decision(MQLocalTransactionState outcome) {}

    record LocalCall(Message<?> message, Object arg) {}

    @SpringBootApplication
    @Import({DefaultGroupTransactions.class, OtherGroupTransactions.class, Consumer.class})
    static class App {}

    /** Decides by the argument; a check-back answers by the {@code outcome} header the sender set. */
    abstract static class RecordingTransactions implements MQLocalTransactionListener {
        final List<LocalCall> local = new CopyOnWriteArrayList<>();
        final List<Message<?>> checks = new CopyOnWriteArrayList<>();

        @Override
        public MQLocalTransactionState executeLocalTransaction(Message<?> message, Object arg) {
            local.add(new LocalCall(message, arg));
            return ((Decision) arg).outcome();
        }

        @Override
        public MQLocalTransactionState checkLocalTransaction(Message<?> message) {
            checks.add(message);
            return "rollback".equals(message.getHeaders().get("outcome"))
                    ? MQLocalTransactionState.ROLLBACK
                    : MQLocalTransactionState.COMMIT;
        }
    }

    @MQTransactionListener
    static class DefaultGroupTransactions extends RecordingTransactions {}

    @MQTransactionListener(producerGroup = OTHER_GROUP)
    static class OtherGroupTransactions extends RecordingTransactions {}

    @Component
    static class Consumer {
        final List<ReceivedMessage> received = new CopyOnWriteArrayList<>();

        @MQMessageListener(
                topic = "TplTx",
                consumerGroup = "tpl-tx-consumer",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void onMessage(ReceivedMessage message) {
            received.add(message);
        }
    }

    @Autowired
    MQTemplate template;

    @Autowired
    DefaultGroupTransactions defaultGroup;

    @Autowired
    OtherGroupTransactions otherGroup;

    @Autowired
    Consumer consumer;

    @Test
    void commitIsDeliveredOnceAndRollbackNeverInTheDefaultGroup() {
        Payment committed = new Payment("pay-commit", 1_250);
        Payment rolledBack = new Payment("pay-rollback", 990);
        Decision commit = new Decision(MQLocalTransactionState.COMMIT);
        Decision rollback = new Decision(MQLocalTransactionState.ROLLBACK);
        Message<Payment> commitMessage = message(committed, "commit");
        Message<Payment> rollbackMessage = message(rolledBack, "rollback");

        TransactionSendResult commitResult = template.sendMessageInTransaction("TplTx", commitMessage, commit);
        TransactionSendResult rollbackResult =
                template.sendMessageInTransaction("TplTx:pay", rollbackMessage, rollback);

        assertThat(commitResult.halfMessage().status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(commitResult.localState()).isEqualTo(LocalTransactionState.COMMIT);
        assertThat(rollbackResult.localState()).isEqualTo(LocalTransactionState.ROLLBACK);
        // the local transaction got the application's own payload object, headers and argument, not copies
        LocalCall commitCall = localCallFor(defaultGroup, committed);
        assertThat(commitCall.message().getPayload()).isSameAs(committed);
        assertThat(commitCall.message().getHeaders()).containsEntry("outcome", "commit");
        assertThat(commitCall.message().getHeaders().get(MQHeaders.TRANSACTION_ID))
                .isNotNull();
        assertThat(commitCall.arg()).isSameAs(commit);
        assertThat(localCallFor(defaultGroup, rolledBack).arg()).isSameAs(rollback);
        assertThat(otherGroup.local)
                .extracting(c -> (Object) c.message().getPayload())
                .doesNotContain(committed, rolledBack);

        await().atMost(ARRIVAL).until(() -> received("pay-commit").size() == 1);
        ReceivedMessage delivered = received("pay-commit").get(0);
        assertThat(delivered.property("outcome")).isEqualTo("commit");
        assertThat(delivered.property("PGROUP")).isEqualTo(DEFAULT_GROUP);
        // two check rounds pass: the commit stays single, the rollback never comes
        await().during(Duration.ofMillis(2_500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> received("pay-commit").size() == 1
                        && received("pay-rollback").isEmpty());
    }

    @Test
    void unknownIsDeliveredAfterTheCheckBackOfTheOtherGroupAnswersCommit() {
        Payment pending = new Payment("pay-unknown", 4_200);
        Decision unknown = new Decision(MQLocalTransactionState.UNKNOWN);

        TransactionSendResult result =
                template.sendMessageInTransaction(OTHER_GROUP, "TplTx", message(pending, "unknown"), unknown);

        assertThat(result.localState()).isEqualTo(LocalTransactionState.UNKNOWN);
        LocalCall localCall = localCallFor(otherGroup, pending);
        assertThat(localCall.arg()).isSameAs(unknown);
        assertThat(localCall.message().getPayload()).isSameAs(pending);
        assertThat(defaultGroup.local)
                .extracting(c -> (Object) c.message().getPayload())
                .doesNotContain(pending);

        await().atMost(ARRIVAL).until(() -> received("pay-unknown").size() == 1);
        ReceivedMessage delivered = received("pay-unknown").get(0);
        assertThat(delivered.property("PGROUP")).isEqualTo(OTHER_GROUP);
        // the check-back went to this group's listener, with the stored message
        Message<?> check = otherGroup.checks.stream()
                .filter(m -> "unknown".equals(m.getHeaders().get("outcome")))
                .findFirst()
                .orElseThrow();
        assertThat(new String((byte[]) check.getPayload(), StandardCharsets.UTF_8))
                .contains("\"id\":\"pay-unknown\"");
        // the check-back names the transaction the local call was told of
        assertThat(check.getHeaders().get(MQHeaders.TRANSACTION_ID))
                .isNotNull()
                .isEqualTo(localCall.message().getHeaders().get(MQHeaders.TRANSACTION_ID));
        assertThat(defaultGroup.checks)
                .noneSatisfy(m -> assertThat(m.getHeaders().get("outcome")).isEqualTo("unknown"));
        await().during(Duration.ofMillis(1_500))
                .atMost(Duration.ofSeconds(4))
                .until(() -> received("pay-unknown").size() == 1);
    }

    @Test
    void aGroupWithoutTransactionListenerIsRefusedByName() {
        Message<Payment> message = message(new Payment("pay-nowhere", 1), "commit");

        assertThatThrownBy(() -> template.sendMessageInTransaction(
                        "tpl-tx-no-listener", "TplTx", message, new Decision(MQLocalTransactionState.COMMIT)))
                .isInstanceOfAny(IllegalStateException.class, MessagingException.class)
                .hasMessageContaining("tpl-tx-no-listener");
        assertThat(defaultGroup.local).extracting(LocalCall::message).doesNotContain(message);
        assertThat(otherGroup.local).extracting(LocalCall::message).doesNotContain(message);
    }

    private static Message<Payment> message(Payment payment, String outcome) {
        return MessageBuilder.withPayload(payment).setHeader("outcome", outcome).build();
    }

    private static LocalCall localCallFor(RecordingTransactions listener, Payment payment) {
        List<LocalCall> calls = listener.local.stream()
                .filter(c -> c.message().getPayload().equals(payment))
                .toList();
        assertThat(calls).as("local transactions of %s", payment).hasSize(1);
        return calls.get(0);
    }

    private List<ReceivedMessage> received(String paymentId) {
        return consumer.received.stream()
                .filter(m -> new String(m.body(), StandardCharsets.UTF_8).contains("\"id\":\"" + paymentId + "\""))
                .toList();
    }
}
