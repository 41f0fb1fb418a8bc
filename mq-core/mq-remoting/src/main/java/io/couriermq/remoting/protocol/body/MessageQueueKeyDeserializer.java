package io.couriermq.remoting.protocol.body;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;

/**
 * Reads a {@link MessageQueue} map key written as the queue's JSON text. fastjson's raw object keys
 * ({@code {{"brokerName":...}:...}}) are not JSON and cannot be read here; bodies that use them are
 * only relayed by a broker, as bytes.
 */
public final class MessageQueueKeyDeserializer extends KeyDeserializer {

    @Override
    public Object deserializeKey(String key, DeserializationContext context) {
        try {
            return RemotingJson.mapper().readValue(key, MessageQueue.class);
        } catch (JacksonException e) {
            return context.handleWeirdKey(MessageQueue.class, key, "not the JSON text of a MessageQueue");
        }
    }
}
