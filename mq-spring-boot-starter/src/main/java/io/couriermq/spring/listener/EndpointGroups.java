package io.couriermq.spring.listener;

import io.couriermq.spring.autoconfigure.MQConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Groups endpoints by consumer group and refuses what a shared consumer cannot do: two listeners on one
 * topic of a group (the group would split that topic's messages between them at random), and listeners
 * of one group that disagree on group-wide settings (which rocketmq-spring users meet as lost messages).
 */
final class EndpointGroups {
    private EndpointGroups() {}

    static Map<String, List<MQListenerEndpoint>> byGroup(List<MQListenerEndpoint> endpoints) {
        Map<String, List<MQListenerEndpoint>> groups = new LinkedHashMap<>();
        for (MQListenerEndpoint endpoint : endpoints) {
            groups.computeIfAbsent(endpoint.group(), g -> new ArrayList<>()).add(endpoint);
        }
        groups.values().forEach(EndpointGroups::check);
        return groups;
    }

    private static void check(List<MQListenerEndpoint> group) {
        MQListenerEndpoint first = group.get(0);
        for (int i = 1; i < group.size(); i++) {
            MQListenerEndpoint other = group.get(i);
            for (int j = 0; j < i; j++) {
                if (group.get(j).topic().equals(other.topic())) {
                    throw conflict(
                            group.get(j),
                            other,
                            "both consume topic " + other.topic(),
                            "Give one of them another consumerGroup, or handle both in one listener.");
                }
            }
            agree(first, other, "messageModel", MQListenerEndpoint::messageModel);
            agree(first, other, "consumeMode", MQListenerEndpoint::consumeMode);
            agree(first, other, "consumeThreadNumber", MQListenerEndpoint::consumeThreads);
            agree(first, other, "maxReconsumeTimes", MQListenerEndpoint::maxReconsumeTimes);
            agree(first, other, "suspendCurrentQueueTimeMillis", MQListenerEndpoint::suspendCurrentQueueMs);
            agree(first, other, "batchSize", MQListenerEndpoint::batchSize);
            agree(first, other, "consumeFromWhere", MQListenerEndpoint::consumeFromWhere);
            agree(first, other, "autoStartup", MQListenerEndpoint::autoStartup);
            agree(first, other, "nameServer", MQListenerEndpoint::nameServer);
            agree(first, other, "accessKey/secretKey", MQListenerEndpoint::credentials);
            agree(first, other, "batch listener", endpoint -> endpoint.invoker().batch());
            if (!first.id().isEmpty() && !other.id().isEmpty() && !first.id().equals(other.id())) {
                throw conflict(
                        first,
                        other,
                        "name different container ids (" + first.id() + ", " + other.id() + ")",
                        "Listeners of one group share one container: give them the same id or none.");
            }
        }
    }

    private static void agree(
            MQListenerEndpoint first,
            MQListenerEndpoint other,
            String attribute,
            Function<MQListenerEndpoint, ?> value) {
        if (!Objects.equals(value.apply(first), value.apply(other))) {
            throw conflict(
                    first,
                    other,
                    "disagree on " + attribute + " (" + value.apply(first) + " vs " + value.apply(other) + ")",
                    "Listeners of one consumer group share one consumer: give them the same " + attribute
                            + ", or separate consumer groups.");
        }
    }

    private static MQConfigurationException conflict(
            MQListenerEndpoint a, MQListenerEndpoint b, String problem, String action) {
        return new MQConfigurationException(
                "@MQMessageListener(consumerGroup) of " + a.source() + " and " + b.source(),
                a.group(),
                "listeners of consumer group " + a.group() + " " + problem,
                action);
    }
}
