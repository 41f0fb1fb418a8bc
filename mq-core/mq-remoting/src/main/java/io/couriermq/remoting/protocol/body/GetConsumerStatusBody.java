package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * GET_CONSUMER_STATUS_FROM_CLIENT answer (a client's offsets in {@code messageQueueTable}) and
 * INVOKE_BROKER_TO_GET_CONSUMER_STATUS answer (each client's table in {@code consumerTable}, by client
 * id). Official clients write the queue keys as raw objects; read such a body through {@link
 * RemotingJson#decodeWithObjectKeys}.
 */
@JsonPropertyOrder({"consumerTable", "messageQueueTable"})
public record GetConsumerStatusBody(
        Map<String, Map<MessageQueue, Long>> consumerTable, Map<MessageQueue, Long> messageQueueTable) {

    public GetConsumerStatusBody {
        Map<String, Map<MessageQueue, Long>> clients = new TreeMap<>();
        if (consumerTable != null) {
            consumerTable.forEach((clientId, table) -> clients.put(clientId, Copies.queueTable(table)));
        }
        consumerTable = Collections.unmodifiableMap(clients);
        messageQueueTable = Copies.queueTable(messageQueueTable);
    }

    /** One client's answer. */
    public static GetConsumerStatusBody ofClient(Map<MessageQueue, Long> offsets) {
        return new GetConsumerStatusBody(Map.of(), offsets);
    }
}
