package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * HEART_BEAT body: the client's id and every producer and consumer group it runs. {@code
 * heartbeatFingerprint} and {@code withoutSub} are 5.x heartbeat-V2 fields (absent from 4.9 bodies,
 * 0/false unless the client enabled V2); a heartbeat with {@code withoutSub} true omits subscriptions
 * the broker must keep from earlier heartbeats.
 */
@JsonPropertyOrder({"clientID", "consumerDataSet", "heartbeatFingerprint", "producerDataSet", "withoutSub"})
public record HeartbeatData(
        @JsonProperty("clientID") String clientId,
        @JsonDeserialize(as = LinkedHashSet.class) Set<ProducerData> producerDataSet,
        @JsonDeserialize(as = LinkedHashSet.class) Set<ConsumerData> consumerDataSet,
        int heartbeatFingerprint,
        boolean withoutSub) {

    public HeartbeatData {
        producerDataSet = Copies.orderedSet(producerDataSet);
        consumerDataSet = Copies.orderedSet(consumerDataSet);
    }
}
