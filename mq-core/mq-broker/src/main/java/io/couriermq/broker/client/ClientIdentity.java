package io.couriermq.broker.client;

import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.body.Connection;
import io.couriermq.remoting.rpc.RemotingChannel;

/**
 * Who a heartbeat came from: the connection (the broker calls the client back on it), the client id
 * the client uses in consumer lists and locks, and the language and version ordinal of its request
 * header, which admin tools print.
 */
public record ClientIdentity(RemotingChannel channel, String clientId, LanguageCode language, int version) {

    public ClientIdentity {
        if (channel == null) {
            throw new IllegalArgumentException("a client identity needs the client's channel");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("a client identity needs a client id (channel " + channel + ")");
        }
        language = language == null ? LanguageCode.JAVA : language;
    }

    /** The connection as admin tools print it. */
    public Connection toConnection() {
        return new Connection(clientId, channel.remoteAddress(), language, version);
    }
}
