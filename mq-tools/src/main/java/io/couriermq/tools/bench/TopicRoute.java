package io.couriermq.tools.bench;

import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * The queues of a topic as the load generator uses them: writable queues of brokers that have a
 * master (sends) and readable queues of the same (pulls), ordered by broker name then queue id.
 */
public final class TopicRoute {
    private final List<BenchQueue> writable;
    private final List<BenchQueue> readable;

    private TopicRoute(List<BenchQueue> writable, List<BenchQueue> readable) {
        this.writable = List.copyOf(writable);
        this.readable = List.copyOf(readable);
    }

    public static TopicRoute of(TopicRouteData route) {
        Map<String, String> masters = route.brokerDatas().stream()
                .filter(broker -> broker.masterAddress() != null)
                .collect(Collectors.toMap(BrokerData::brokerName, BrokerData::masterAddress, (a, b) -> a));
        List<QueueData> queueDatas = route.queueDatas().stream()
                .filter(queues -> masters.containsKey(queues.brokerName()))
                .sorted(Comparator.comparing(QueueData::brokerName))
                .toList();
        List<BenchQueue> writable = expand(queueDatas, masters, Permission::isWritable, QueueData::writeQueueNums);
        List<BenchQueue> readable = expand(queueDatas, masters, Permission::isReadable, QueueData::readQueueNums);
        return new TopicRoute(writable, readable);
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

    public List<BenchQueue> writableQueues() {
        return writable;
    }

    public List<BenchQueue> readableQueues() {
        return readable;
    }
}
