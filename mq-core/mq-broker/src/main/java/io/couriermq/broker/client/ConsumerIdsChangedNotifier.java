package io.couriermq.broker.client;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.header.broker.NotifyConsumerIdsChangedRequestHeader;
import io.couriermq.remoting.rpc.RemotingChannel;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends NOTIFY_CONSUMER_IDS_CHANGED (oneway, on each client's own connection) to every member of a
 * group that changed, so they rebalance now instead of at their next 20 s round. The sends run on
 * {@code executor}, never on the caller's thread. A lost notification costs at most one rebalance
 * period, so failures are logged, not retried.
 */
public final class ConsumerIdsChangedNotifier implements ConsumerIdsChangeListener {
    private static final Logger log = LoggerFactory.getLogger(ConsumerIdsChangedNotifier.class);

    private final Executor executor;
    private final Predicate<String> enabledForGroup;

    /**
     * @param executor where the oneway sends are issued
     * @param enabledForGroup whether a group wants notifications (its subscription group config's
     *     notifyConsumerIdsChangedEnable)
     */
    public ConsumerIdsChangedNotifier(Executor executor, Predicate<String> enabledForGroup) {
        this.executor = executor;
        this.enabledForGroup = enabledForGroup;
    }

    @Override
    public void consumerIdsChanged(String group, List<RemotingChannel> channels) {
        if (channels.isEmpty() || !enabledForGroup.test(group)) {
            return;
        }
        try {
            executor.execute(() -> channels.forEach(channel -> notify(group, channel)));
        } catch (RejectedExecutionException e) {
            log.warn("cannot notify the {} members of consumer group {}: {}", channels.size(), group, e.toString());
        }
    }

    private static void notify(String group, RemotingChannel channel) {
        if (!channel.isActive()) {
            return;
        }
        RemotingCommand request = RemotingCommand.request(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED)
                .header(new NotifyConsumerIdsChangedRequestHeader(group))
                .oneway()
                .build();
        try {
            channel.invokeOneway(request).whenComplete((written, failure) -> {
                if (failure != null) {
                    log.debug("could not notify {} of a change in group {}: {}", channel, group, failure.toString());
                }
            });
        } catch (RuntimeException e) {
            log.debug("could not notify {} of a change in group {}: {}", channel, group, e.toString());
        }
    }
}
