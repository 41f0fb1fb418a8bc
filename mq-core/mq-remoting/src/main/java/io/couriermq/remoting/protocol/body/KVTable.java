package io.couriermq.remoting.protocol.body;

import java.util.Map;

/** A string-to-string table (KV config namespaces, broker runtime info). */
public record KVTable(Map<String, String> table) {

    public KVTable {
        table = table == null ? Map.of() : Map.copyOf(table);
    }
}
