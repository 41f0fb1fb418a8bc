package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/**
 * A 5.x group's retry back-off: {@code type} CUSTOMIZED (the delay levels) or EXPONENTIAL. The two
 * policy objects are only used by 5.x POP/proxy consumers; we keep them as the JSON we were given so an
 * admin's settings survive a round trip.
 */
@JsonPropertyOrder({"customizedRetryPolicy", "exponentialRetryPolicy", "type"})
public record GroupRetryPolicy(String type, JsonNode exponentialRetryPolicy, JsonNode customizedRetryPolicy) {
    public static final String CUSTOMIZED = "CUSTOMIZED";
    public static final String EXPONENTIAL = "EXPONENTIAL";

    public GroupRetryPolicy {
        type = type == null ? CUSTOMIZED : type;
        exponentialRetryPolicy = absentIfNull(exponentialRetryPolicy);
        customizedRetryPolicy = absentIfNull(customizedRetryPolicy);
    }

    /** The official default: CUSTOMIZED, no policy objects. */
    public static GroupRetryPolicy defaults() {
        return new GroupRetryPolicy(CUSTOMIZED, null, null);
    }

    private static JsonNode absentIfNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
