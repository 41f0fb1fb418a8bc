package io.couriermq.client.consumer.internal;

import static io.couriermq.client.consumer.internal.ProcessQueueTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.OrderlyResult;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.CMResult;
import io.couriermq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectConsumeTest {

    @Test
    void aConcurrentListenerGetsTheMessageOnceAndItsAnswerIsReported() {
        List<ReceivedMessage> received = new ArrayList<>();
        List<MessageQueue> queues = new ArrayList<>();
        DirectConsume direct = DirectConsume.concurrent("G", (messages, context) -> {
            received.addAll(messages);
            queues.add(context.queue());
            return ConsumeResult.SUCCESS;
        });

        ReceivedMessage message = message(7, 3);
        ConsumeMessageDirectlyResult result = direct.consume(message);

        assertThat(received).containsExactly(message);
        assertThat(queues).containsExactly(new MessageQueue("T", "broker-a", 0));
        assertThat(result.consumeResult()).isEqualTo(CMResult.CR_SUCCESS);
        assertThat(result.order()).isFalse();
        assertThat(result.autoCommit()).isTrue();
        assertThat(result.remark()).isNull();
        assertThat(result.spentTimeMills()).isNotNegative();
    }

    @Test
    void laterNullAndThrowAreToldApart() {
        assertThat(DirectConsume.concurrent("G", (messages, context) -> ConsumeResult.RECONSUME_LATER)
                        .consume(message(0, 1))
                        .consumeResult())
                .isEqualTo(CMResult.CR_LATER);
        assertThat(DirectConsume.concurrent("G", (messages, context) -> null)
                        .consume(message(0, 1))
                        .consumeResult())
                .isEqualTo(CMResult.CR_RETURN_NULL);
        ConsumeMessageDirectlyResult thrown = DirectConsume.concurrent("G", (messages, context) -> {
                    throw new IllegalStateException("database down");
                })
                .consume(message(0, 1));
        assertThat(thrown.consumeResult()).isEqualTo(CMResult.CR_THROW_EXCEPTION);
        assertThat(thrown.remark()).contains("database down");
    }

    @Test
    void anOrderlyListenerIsReportedAsOrder() {
        ConsumeMessageDirectlyResult success = DirectConsume.orderly(
                        "G", (message, context) -> OrderlyResult.SUCCESS, 1_000)
                .consume(message(0, 1));
        ConsumeMessageDirectlyResult suspended = DirectConsume.orderly(
                        "G", (message, context) -> OrderlyResult.SUSPEND_CURRENT_QUEUE_A_MOMENT, 1_000)
                .consume(message(0, 1));

        assertThat(success.order()).isTrue();
        assertThat(success.consumeResult()).isEqualTo(CMResult.CR_SUCCESS);
        assertThat(suspended.consumeResult()).isEqualTo(CMResult.CR_LATER);
    }
}
