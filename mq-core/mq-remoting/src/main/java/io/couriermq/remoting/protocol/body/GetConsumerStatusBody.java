package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET_CONSUMER_STATUS_FROM_CLIENT answer of one client ({@code messageQueueTable}: the offsets it holds
 * for the topic), and INVOKE_BROKER_TO_GET_CONSUMER_STATUS answer of a broker ({@code consumerTable}:
 * client id to that client's table). String keys (§3.0); an official client writes object keys, read
 * those with {@link RemotingJson#decodeWithObjectKeys}.
 */
@JsonPropertyOrder({"consumerTable", "messageQueueTable"})
public record GetConsumerStatusBody(
        Map<MessageQueue, Long> messageQueueTable, Map<String, Map<MessageQueue, Long>> consumerTable) {

    public GetConsumerStatusBody {
        messageQueueTable = Copies.queueTable(messageQueueTable);
        Map<String, Map<MessageQueue, Long>> clients = new LinkedHashMap<>();
        if (consumerTable != null) {
            consumerTable.forEach((clientId, table) -> clients.put(clientId, Copies.queueTable(table)));
        }
        consumerTable = Collections.unmodifiableMap(clients);
    }

    /** One client's answer. */
    public static GetConsumerStatusBody ofClient(Map<MessageQueue, Long> offsets) {
        return new GetConsumerStatusBody(offsets, Map.of());
    }
}
