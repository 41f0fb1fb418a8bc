package io.couriermq.admin.message;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a consumer client answered to CONSUME_MESSAGE_DIRECTLY: the listener's result ({@code CR_SUCCESS},
 * {@code CR_LATER}, {@code CR_THROW_EXCEPTION}, ...), a remark and how long it took.
 */
public record DirectConsumeResult(
        String clientId, String consumeResult, String remark, boolean order, boolean autoCommit, long spentTimeMs) {

    @JsonProperty("succeeded")
    public boolean succeeded() {
        return "CR_SUCCESS".equals(consumeResult);
    }
}
