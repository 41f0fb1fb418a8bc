package io.couriermq.tools.bench.transport;

import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.tools.bench.BenchQueue;
import io.couriermq.tools.bench.TopicRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/** Turns a NameServer's {@link TopicRouteData} into the bench's {@link TopicRoute}: master queues only. */
public final class RemotingRoutes {
    private RemotingRoutes() {}

    public static TopicRoute toBenchRoute(TopicRouteData route) {
        Map<String, String> masters = route.brokerDatas().stream()
                .filter(broker -> broker.masterAddress() != null)
                .collect(Collectors.toMap(BrokerData::brokerName, BrokerData::masterAddress, (a, b) -> a));
        List<QueueData> queueDatas = route.queueDatas().stream()
                .filter(queues -> masters.containsKey(queues.brokerName()))
                .sorted(Comparator.comparing(QueueData::brokerName))
                .toList();
        List<BenchQueue> writable = expand(queueDatas, masters, Permission::isWritable, QueueData::writeQueueNums);
        List<BenchQueue> readable = expand(queueDatas, masters, Permission::isReadable, QueueData::readQueueNums);
        return TopicRoute.of(writable, readable);
    }

    private static List<BenchQueue> expand(
            List<QueueData> queueDatas,
            Map<String, String> masters,
            IntPredicate permitted,
            Function<QueueData, Integer> count) {
        List<BenchQueue> queues = new ArrayList<>();
        for (QueueData data : queueDatas) {
            if (!permitted.test(data.perm())) {
                continue;
            }
            for (int id = 0; id < count.apply(data); id++) {
                queues.add(new BenchQueue(data.brokerName(), masters.get(data.brokerName()), id));
            }
        }
        return queues;
    }
}
