package io.couriermq.client.consumer.internal;

import io.couriermq.client.internal.ConsumerMembership;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.ConsumerRunningInfo;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** A push consumer as the runtime and the brokers' requests see it. */
public final class PushConsumerMembership implements ConsumerMembership {
    private final Supplier<ConsumerData> consumerData;
    private final Supplier<ConsumerRunningInfo> runningInfo;
    private final Runnable rebalanceNow;
    private final PushRebalance rebalance;
    private final OffsetStore offsets;
    private final DirectConsume directConsume;

    public PushConsumerMembership(
            Supplier<ConsumerData> consumerData,
            Supplier<ConsumerRunningInfo> runningInfo,
            Runnable rebalanceNow,
            PushRebalance rebalance,
            OffsetStore offsets,
            DirectConsume directConsume) {
        this.consumerData = consumerData;
        this.runningInfo = runningInfo;
        this.rebalanceNow = rebalanceNow;
        this.rebalance = rebalance;
        this.offsets = offsets;
        this.directConsume = directConsume;
    }

    @Override
    public ConsumerData consumerData() {
        return consumerData.get();
    }

    @Override
    public void onConsumerIdsChanged() {
        rebalanceNow.run();
    }

    @Override
    public ConsumerRunningInfo runningInfo() {
        return runningInfo.get();
    }

    @Override
    public Map<MessageQueue, Long> offsets(String topic) {
        Map<MessageQueue, Long> ofTopic = new TreeMap<>();
        offsets.snapshot().forEach((queue, offset) -> {
            if (queue.topic().equals(topic)) {
                ofTopic.put(queue, offset);
            }
        });
        return ofTopic;
    }

    @Override
    public void resetOffsets(String topic, Map<MessageQueue, Long> table) {
        if (rebalance.resetOffsets(topic, table)) {
            rebalanceNow.run();
        }
    }

    @Override
    public Optional<ConsumeMessageDirectlyResult> consumeDirectly(ReceivedMessage message) {
        return Optional.of(directConsume.consume(message));
    }
}
