package io.couriermq.remoting.protocol.body;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** GET_ALL_PRODUCER_INFO response (mqadmin producer): every connected producer, by group. */
public record ProducerTableInfo(Map<String, List<ProducerInfo>> data) {

    public ProducerTableInfo {
        data = data == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(data));
    }
}
