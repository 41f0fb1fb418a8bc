package io.couriermq.remoting.protocol.header.namesrv;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** GET_KVLIST_BY_NAMESPACE: the namespace. */
public record NamespaceRequestHeader(String namespace) implements CommandHeader {

    public static NamespaceRequestHeader decode(HeaderFields fields) {
        return new NamespaceRequestHeader(fields.requireString("namespace"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("namespace", namespace);
    }
}
