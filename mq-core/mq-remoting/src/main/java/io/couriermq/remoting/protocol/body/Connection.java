package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.couriermq.remoting.protocol.LanguageCode;

/**
 * One client connection as admin tools print it: id, TCP peer address, language and the version
 * ordinal from the client's heartbeat request.
 */
@JsonPropertyOrder({"clientAddr", "clientId", "language", "version"})
public record Connection(String clientId, String clientAddr, LanguageCode language, int version) {}
