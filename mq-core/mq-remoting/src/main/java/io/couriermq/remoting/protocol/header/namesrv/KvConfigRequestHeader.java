package io.couriermq.remoting.protocol.header.namesrv;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * PUT_KV_CONFIG, GET_KV_CONFIG and DELETE_KV_CONFIG: a namespace and key, with a value for puts. The
 * response of GET_KV_CONFIG uses the same shape with only {@code value} set.
 */
public record KvConfigRequestHeader(String namespace, String key, String value) implements CommandHeader {

    public static KvConfigRequestHeader decodeKey(HeaderFields fields) {
        return new KvConfigRequestHeader(fields.requireString("namespace"), fields.requireString("key"), null);
    }

    public static KvConfigRequestHeader decodePut(HeaderFields fields) {
        return new KvConfigRequestHeader(
                fields.requireString("namespace"), fields.requireString("key"), fields.requireString("value"));
    }

    public static KvConfigRequestHeader valueOnly(String value) {
        return new KvConfigRequestHeader(null, null, value);
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        if (namespace != null) {
            extFields.put("namespace", namespace);
        }
        if (key != null) {
            extFields.put("key", key);
        }
        if (value != null) {
            extFields.put("value", value);
        }
    }
}
