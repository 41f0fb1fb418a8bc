package io.couriermq.broker.schedule;

import io.couriermq.broker.config.DelayLevels;
import io.couriermq.broker.pending.PendingDeliveries;
import io.couriermq.broker.pending.PendingDelivery;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.RecordSlice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The admin view of level-delayed messages: what is parked in the schedule topic beyond each level's
 * delivery progress, and cancellation of one of them (recorded in {@link DelayProgress}, which delivery
 * consults). Reads at most {@value #SCAN_LIMIT} parked records per request.
 */
public final class DelayLevelPendingDeliveries implements PendingDeliveries {
    static final int SCAN_LIMIT = 100_000;
    private static final int BATCH = 256;

    private final MessageStore store;
    private final DelayLevels levels;
    private final DelayProgress progress;

    public DelayLevelPendingDeliveries(MessageStore store, DelayLevels levels, DelayProgress progress) {
        this.store = store;
        this.levels = levels;
        this.progress = progress;
    }

    @Override
    public List<PendingDelivery> pending(String topic, int limit) {
        List<PendingDelivery> found = new ArrayList<>();
        scan(parked -> {
            if (topic.equals(parked.message().property(MessageConst.REAL_TOPIC))
                    && !progress.isCancelled(parked.commitLogOffset())) {
                found.add(describe(parked));
            }
            return false;
        });
        return found.stream()
                .sorted(Comparator.comparingLong(PendingDelivery::dueAtMs))
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public boolean cancel(String messageId) {
        Optional<StoredMessage> target = find(messageId);
        if (target.isEmpty()) {
            return false;
        }
        StoredMessage parked = target.get();
        int level = ScheduleTopic.levelOf(parked.message().queueId());
        synchronized (progress) {
            // Delivery moves the offset under the same lock: behind it, the message is already out.
            if (parked.queueOffset() < progress.offset(level) || progress.isCancelled(parked.commitLogOffset())) {
                return false;
            }
            progress.cancel(parked.commitLogOffset());
            return true;
        }
    }

    private Optional<StoredMessage> find(String messageId) {
        List<StoredMessage> match = new ArrayList<>(1);
        scan(parked -> {
            Message message = parked.message();
            if (messageId.equals(message.uniqueKey())
                    || messageId.equalsIgnoreCase(MessageId.encode(message.storeHost(), parked.commitLogOffset()))) {
                match.add(parked);
                return true;
            }
            return false;
        });
        return match.stream().findFirst();
    }

    /** Visits parked, undelivered records level by level until the visitor returns true or the scan limit. */
    private void scan(Predicate<StoredMessage> visitor) {
        int budget = SCAN_LIMIT;
        for (int level = 1; level <= levels.count() && budget > 0; level++) {
            int queueId = ScheduleTopic.queueIdOf(level);
            long offset = Math.max(progress.offset(level), store.minOffset(ScheduleTopic.NAME, queueId));
            long end = store.maxOffset(ScheduleTopic.NAME, queueId);
            while (offset < end && budget > 0) {
                try (GetResult read =
                        store.getMessages(ScheduleTopic.NAME, queueId, offset, BATCH, MessageFilter.ALL)) {
                    if (read.records().isEmpty()) {
                        break;
                    }
                    for (RecordSlice slice : read.records()) {
                        budget--;
                        if (visitor.test(MessageDecoder.decode(slice.buffer(), 0))) {
                            return;
                        }
                    }
                    offset = read.nextBeginOffset();
                }
            }
        }
    }

    private PendingDelivery describe(StoredMessage parked) {
        Message message = parked.message();
        Integer queueId = DelayedMessages.realQueueId(message);
        int level = ScheduleTopic.levelOf(message.queueId());
        return new PendingDelivery(
                message.property(MessageConst.REAL_TOPIC),
                queueId == null ? -1 : queueId,
                message.uniqueKey(),
                MessageId.encode(message.storeHost(), parked.commitLogOffset()),
                DelayedMessages.dueAtMs(parked, levels),
                "delayLevel=" + level,
                message.tags(),
                message.property(MessageConst.KEYS));
    }
}
