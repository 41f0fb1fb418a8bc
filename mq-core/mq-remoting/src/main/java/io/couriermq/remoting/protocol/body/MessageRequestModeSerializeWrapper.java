package io.couriermq.remoting.protocol.body;

import java.util.Map;

/**
 * GET_ALL_MESSAGE_REQUEST_MODE response: per topic and group, whether consumers pull or pop (set with
 * SET_MESSAGE_REQUEST_MODE). CourierMQ has no pop mode, so its table is always empty; the property must
 * still be present, as an official slave copies the map every 10 s.
 */
public record MessageRequestModeSerializeWrapper(Map<String, Map<String, Map<String, Object>>> messageRequestModeMap) {

    public MessageRequestModeSerializeWrapper {
        messageRequestModeMap = Copies.orderedMap(messageRequestModeMap);
    }
}
