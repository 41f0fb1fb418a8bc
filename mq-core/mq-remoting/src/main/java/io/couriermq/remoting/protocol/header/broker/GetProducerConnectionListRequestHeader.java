package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** GET_PRODUCER_CONNECTION_LIST header: the producer group whose connections admin asks for. */
public record GetProducerConnectionListRequestHeader(String producerGroup) implements CommandHeader {

    public static GetProducerConnectionListRequestHeader decode(HeaderFields fields) {
        return new GetProducerConnectionListRequestHeader(fields.requireString("producerGroup"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("producerGroup", producerGroup);
    }
}
