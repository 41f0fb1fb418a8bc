package io.couriermq.remoting.protocol.header.namesrv;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** GET_TOPICS_BY_CLUSTER: the cluster name, under the wire key {@code cluster}. */
public record ClusterRequestHeader(String cluster) implements CommandHeader {

    public static ClusterRequestHeader decode(HeaderFields fields) {
        return new ClusterRequestHeader(fields.requireString("cluster"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("cluster", cluster);
    }
}
