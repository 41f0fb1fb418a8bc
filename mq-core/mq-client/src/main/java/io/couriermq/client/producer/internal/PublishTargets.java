package io.couriermq.client.producer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.internal.BrokerRpc;
import io.couriermq.client.route.RouteCache;
import io.couriermq.client.route.TopicRoute;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The queues a send to a topic may use. A topic no broker has yet gets queues on the brokers that
 * accept auto-creation (those publishing {@code TBW102}), as many as the producer's default, like the
 * official client: the first send creates the topic there.
 */
public final class PublishTargets {
    private final RouteCache routes;
    private final int defaultTopicQueues;

    public PublishTargets(RouteCache routes, int defaultTopicQueues) {
        this.routes = routes;
        this.defaultTopicQueues = defaultTopicQueues;
    }

    public CompletableFuture<TopicRoute> route(String topic) {
        return routes.route(topic)
                .exceptionallyCompose(failure -> {
                    ClientException error = BrokerRpc.asClientException(failure);
                    if (error.responseCode() != ResponseCode.TOPIC_NOT_EXIST.code()) {
                        return CompletableFuture.failedFuture(error);
                    }
                    return routes.route(SendRequests.DEFAULT_TOPIC).handle((defaults, defaultFailure) -> {
                        if (defaultFailure != null) {
                            throw error;
                        }
                        return autoCreated(topic, defaults);
                    });
                })
                .thenApply(route -> {
                    if (route.writeQueues().isEmpty()) {
                        throw new ClientException(
                                "topic " + topic + " has no writable queue on a live master broker",
                                ResponseCode.NO_PERMISSION.code(),
                                true);
                    }
                    return route;
                });
    }

    /** Forgets nothing, but fetches the route again (after a failed send, the broker may be gone). */
    public void refresh(String topic) {
        routes.refresh(topic).exceptionally(failure -> null);
    }

    private TopicRoute autoCreated(String topic, TopicRoute defaults) {
        Map<String, Integer> perBroker = new HashMap<>();
        for (MessageQueue queue : defaults.writeQueues()) {
            perBroker.merge(queue.brokerName(), 1, Integer::sum);
        }
        List<MessageQueue> queues = new ArrayList<>();
        perBroker.forEach((broker, count) -> {
            for (int id = 0; id < Math.min(count, defaultTopicQueues); id++) {
                queues.add(new MessageQueue(topic, broker, id));
            }
        });
        queues.sort(null);
        return new TopicRoute(topic, queues, List.of(), defaults.brokers());
    }
}
