package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * UPDATE_AND_CREATE_TOPIC header. {@code topicFilterType} is {@code SINGLE_TAG} or {@code MULTI_TAG}
 * (checked by the processor, not here). {@code attributes} ("+k=v,..." or "") and {@code force} are
 * 5.x; both are null when a 4.9 admin sends the request.
 */
public record CreateTopicRequestHeader(
        String topic,
        String defaultTopic,
        int readQueueNums,
        int writeQueueNums,
        int perm,
        String topicFilterType,
        Integer topicSysFlag,
        boolean order,
        String attributes,
        Boolean force)
        implements CommandHeader {

    public static CreateTopicRequestHeader decode(HeaderFields fields) {
        return new CreateTopicRequestHeader(
                fields.requireString("topic"),
                fields.requireString("defaultTopic"),
                fields.requireInt("readQueueNums"),
                fields.requireInt("writeQueueNums"),
                fields.requireInt("perm"),
                fields.requireString("topicFilterType"),
                fields.optionalInt("topicSysFlag"),
                fields.requireBoolean("order"),
                fields.optionalString("attributes"),
                fields.optionalBoolean("force"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
        extFields.put("defaultTopic", defaultTopic);
        ExtFields.put(extFields, "readQueueNums", readQueueNums);
        ExtFields.put(extFields, "writeQueueNums", writeQueueNums);
        ExtFields.put(extFields, "perm", perm);
        extFields.put("topicFilterType", topicFilterType);
        ExtFields.put(extFields, "topicSysFlag", topicSysFlag);
        ExtFields.put(extFields, "order", order);
        ExtFields.put(extFields, "attributes", attributes);
        ExtFields.put(extFields, "force", force);
    }
}
