package io.couriermq.client.internal;

import io.couriermq.client.message.BodyCompression;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.common.message.MessageProperties;
import io.couriermq.remoting.protocol.RemotingCommand;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a PUSH_REPLY_MESSAGE_TO_CLIENT request (long-key header, body = the reply body) into a message. */
final class PushedReply {
    static final String CORRELATION_ID = "CORRELATION_ID";
    static final String ARRIVE_TIME = "ARRIVE_TIME";

    private PushedReply() {}

    static ReceivedMessage decode(RemotingCommand request, long arrivedAtMs) {
        Map<String, String> properties = new LinkedHashMap<>(MessageProperties.decode(request.extField("properties")));
        properties.put(ARRIVE_TIME, Long.toString(arrivedAtMs));
        int sysFlag = intField(request, "sysFlag", 0);
        String uniqueKey = properties.get("UNIQ_KEY");
        return new ReceivedMessage(
                request.extField("topic"),
                null,
                intField(request, "queueId", 0),
                -1,
                -1,
                uniqueKey,
                null,
                BodyCompression.decompress(request.hasBody() ? request.body() : new byte[0], sysFlag),
                properties,
                intField(request, "reconsumeTimes", 0),
                longField(request, "bornTimestamp"),
                longField(request, "storeTimestamp"),
                sysFlag);
    }

    private static int intField(RemotingCommand request, String name, int fallback) {
        String value = request.extField(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static long longField(RemotingCommand request, String name) {
        String value = request.extField(name);
        return value == null || value.isBlank() ? 0 : Long.parseLong(value.trim());
    }
}
