package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.couriermq.remoting.protocol.LanguageCode;

/**
 * One producer connection in GET_ALL_PRODUCER_INFO: the client id, the peer address as RocketMQ prints
 * a socket address ({@code /ip:port}), language, version ordinal and the time of its last heartbeat.
 */
@JsonPropertyOrder({"clientId", "language", "lastUpdateTimestamp", "remoteIP", "version"})
public record ProducerInfo(
        String clientId, String remoteIP, LanguageCode language, int version, long lastUpdateTimestamp) {}
