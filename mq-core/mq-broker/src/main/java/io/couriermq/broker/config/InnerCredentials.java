package io.couriermq.broker.config;

import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.security.Credentials;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * broker.conf {@code innerClientAuthenticationCredentials}, RocketMQ 5.3's key for the broker's own
 * identity: {@code {"accessKey":"..","secretKey":".."}}. Errors never repeat the value: it holds a secret.
 */
final class InnerCredentials {
    static final String KEY = "innerClientAuthenticationCredentials";

    private InnerCredentials() {}

    static Credentials parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Map<String, String> fields;
        try {
            fields = RemotingJson.mapper().readValue(value.trim(), new TypeReference<Map<String, String>>() {});
        } catch (JacksonException e) {
            throw new InvalidConfigException(
                    KEY + " must be JSON like {\"accessKey\":\"..\",\"secretKey\":\"..\"}: it does not parse");
        }
        String accessKey = fields.get("accessKey");
        String secretKey = fields.get("secretKey");
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new InvalidConfigException(KEY + " must name both accessKey and secretKey");
        }
        return new Credentials(accessKey.trim(), secretKey.trim());
    }
}
