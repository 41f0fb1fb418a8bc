package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * GET_BROKER_CONSUME_STATS header (mqadmin brokerConsumeStats). The wire key is {@code isOrder}, the
 * official field name: true asks for ordered topics only.
 */
public record GetConsumeStatsInBrokerHeader(boolean order) implements CommandHeader {

    public static GetConsumeStatsInBrokerHeader decode(HeaderFields fields) {
        return new GetConsumeStatsInBrokerHeader(fields.booleanOr("isOrder", false));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "isOrder", order);
    }
}
