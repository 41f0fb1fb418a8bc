package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * CONSUME_MESSAGE_DIRECTLY answer of a client: whether the listener is orderly, the outcome, the
 * failure's description when it threw ({@code remark}), and how long the call took (official spelling
 * {@code spentTimeMills}).
 */
@JsonPropertyOrder({"autoCommit", "consumeResult", "order", "remark", "spentTimeMills"})
public record ConsumeMessageDirectlyResult(
        boolean order, boolean autoCommit, CMResult consumeResult, String remark, long spentTimeMills) {}
