package io.couriermq.common.message.codec;

import java.util.Map;

/**
 * One message of a SEND_BATCH_MESSAGE body (remoting-protocol §4.6): only what varies per message.
 *
 * @param flag Message.flag
 * @param body body bytes (batches are never compressed)
 * @param properties that message's own properties
 */
public record BatchEntry(int flag, byte[] body, Map<String, String> properties) {
    public BatchEntry {
        body = body.clone();
        properties = Map.copyOf(properties);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
