package io.couriermq.remoting.protocol.body;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link MessageQueue} map key as the queue's JSON text, e.g. {@code
 * "{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}"}: standard JSON that fastjson still turns
 * back into a MessageQueue key (verified for clients 4.9.8 and 5.2.0).
 */
public final class MessageQueueKeySerializer extends ValueSerializer<MessageQueue> {

    @Override
    public void serialize(MessageQueue queue, JsonGenerator generator, SerializationContext context) {
        generator.writeName(RemotingJson.mapper().writeValueAsString(queue));
    }
}
