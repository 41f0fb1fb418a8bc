package io.couriermq.remoting.protocol.body;

import java.nio.charset.StandardCharsets;

/** Bodies as text, through the production codec. */
final class Json {
    private Json() {}

    static String write(Object body) {
        return new String(RemotingJson.encode(body), StandardCharsets.UTF_8);
    }

    static <T> T read(String json, Class<T> type) {
        return RemotingJson.decode(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
