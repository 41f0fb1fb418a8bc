package io.couriermq.client.consumer.internal;

import io.couriermq.client.consumer.BatchMessageListener;
import io.couriermq.client.consumer.ConsumeContext;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.OrderlyContext;
import io.couriermq.client.consumer.OrderlyMessageListener;
import io.couriermq.client.consumer.OrderlyResult;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.CMResult;
import io.couriermq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONSUME_MESSAGE_DIRECTLY: hands one message (an admin's or dashboard's "resend to this consumer") to a
 * push consumer's listener once and reports how the listener took it. Outside the normal flow: no
 * offset moves, nothing is sent back or retried, the consume observer is not told.
 */
public final class DirectConsume {
    private static final Logger log = LoggerFactory.getLogger(DirectConsume.class);

    private final String group;
    private final BatchMessageListener concurrent;
    private final OrderlyMessageListener orderly;
    private final long suspendMs;

    private DirectConsume(
            String group, BatchMessageListener concurrent, OrderlyMessageListener orderly, long suspendMs) {
        this.group = group;
        this.concurrent = concurrent;
        this.orderly = orderly;
        this.suspendMs = suspendMs;
    }

    public static DirectConsume concurrent(String group, BatchMessageListener listener) {
        return new DirectConsume(group, listener, null, 0);
    }

    public static DirectConsume orderly(String group, OrderlyMessageListener listener, long suspendMs) {
        return new DirectConsume(group, null, listener, suspendMs);
    }

    public ConsumeMessageDirectlyResult consume(ReceivedMessage message) {
        MessageQueue queue = new MessageQueue(message.topic(), message.brokerName(), message.queueId());
        long start = System.nanoTime();
        CMResult result;
        String remark = null;
        try {
            result = orderly != null
                    ? outcome(orderly.consume(message, new OrderlyContext(queue, 1, suspendMs)))
                    : outcome(concurrent.consume(List.of(message), new ConsumeContext(queue, 1)));
        } catch (RuntimeException e) {
            log.warn("group {}: listener failed on {} consumed directly", group, message, e);
            result = CMResult.CR_THROW_EXCEPTION;
            remark = e.toString();
        }
        long spentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        log.info("group {}: {} consumed directly: {}", group, message, result);
        return new ConsumeMessageDirectlyResult(orderly != null, true, result, remark, spentMs);
    }

    private static CMResult outcome(ConsumeResult result) {
        if (result == null) {
            return CMResult.CR_RETURN_NULL;
        }
        return result == ConsumeResult.SUCCESS ? CMResult.CR_SUCCESS : CMResult.CR_LATER;
    }

    private static CMResult outcome(OrderlyResult result) {
        if (result == null) {
            return CMResult.CR_RETURN_NULL;
        }
        return result == OrderlyResult.SUCCESS ? CMResult.CR_SUCCESS : CMResult.CR_LATER;
    }
}
