package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.couriermq.remoting.protocol.RemotingCommandException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON bodies as the official clients write and read them (fastjson on their side): nulls left out,
 * unknown properties ignored, and the fastjson liberties accepted on input — unquoted numeric map keys,
 * numbers sent as strings, null for primitives.
 */
public final class RemotingJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private RemotingJson() {}

    public static byte[] encode(Object body) {
        return MAPPER.writeValueAsBytes(body);
    }

    /** Parses a body; a body that does not parse is the sender's error, reported with the type expected. */
    public static <T> T decode(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new RemotingCommandException("a " + type.getSimpleName() + " body is required");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (JacksonException e) {
            throw new RemotingCommandException(
                    "the body is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses a MessageQueue-keyed body that fastjson may have written with object keys (§3.0 quirk 2):
     * ResetOffsetBody from an official broker, GetConsumerStatusBody or ConsumerRunningInfo from an
     * official client. The string-key form we write is read too.
     */
    public static <T> T decodeWithObjectKeys(byte[] body, Class<T> type) {
        return decode(body == null ? null : ObjectKeyJson.normalize(body), type);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
