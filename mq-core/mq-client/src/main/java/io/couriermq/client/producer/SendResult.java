package io.couriermq.client.producer;

import io.couriermq.remoting.protocol.body.MessageQueue;

/**
 * What the broker answered to a send.
 *
 * @param status how it was stored
 * @param messageId the producer's id (UNIQ_KEY); for a batch the ids joined by commas
 * @param offsetMessageId the broker's id (host and commit-log offset); for a batch joined by commas
 * @param queue the queue written
 * @param queueOffset the (first) message's offset in that queue; for a half message its half-queue offset
 * @param transactionId the transaction id for a half message, else null
 * @param attempts how many brokers were tried (1 when the first answered)
 */
public record SendResult(
        SendStatus status,
        String messageId,
        String offsetMessageId,
        MessageQueue queue,
        long queueOffset,
        String transactionId,
        int attempts) {}
