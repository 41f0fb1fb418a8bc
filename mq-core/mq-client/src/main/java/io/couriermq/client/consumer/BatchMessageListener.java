package io.couriermq.client.consumer;

import io.couriermq.client.message.ReceivedMessage;
import java.util.List;

/**
 * Consumes messages a batch at a time (up to {@link ConsumerConfig#consumeBatchMaxSize}, all from one
 * queue, in queue order) on the consumer's pool: for writes that are cheaper in bulk, such as one database
 * insert per batch. The result applies to the whole batch; an exception or a null result counts as {@link
 * ConsumeResult#RECONSUME_LATER}, and then every message of the batch is retried on its own schedule.
 */
@FunctionalInterface
public interface BatchMessageListener {
    ConsumeResult consume(List<ReceivedMessage> messages, ConsumeContext context);
}
