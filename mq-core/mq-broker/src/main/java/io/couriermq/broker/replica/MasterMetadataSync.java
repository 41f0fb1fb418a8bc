package io.couriermq.broker.replica;

import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.DelayOffsetSerializeWrapper;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.SubscriptionGroupWrapper;
import io.couriermq.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.couriermq.remoting.rpc.RemotingException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's copy of its master's metadata, as RocketMQ's slaves keep it: every interval it asks the
 * master for its topics (GET_ALL_TOPIC_CONFIG), consumer groups (GET_ALL_SUBSCRIPTIONGROUP_CONFIG),
 * committed offsets (GET_ALL_CONSUMER_OFFSET) and delay-level progress (GET_ALL_DELAY_OFFSET), and
 * applies them: topics and groups replaced when the master's data version differs from ours, delay
 * progress replaced when it changed, offsets adopted by the hand-back rule of {@link OffsetSync}. The
 * answers have RocketMQ's shapes, so the master may be an official broker too.
 *
 * <p>A round is skipped while the master's address is unknown. An answer that fails or does not parse
 * leaves that part of the local state as it was; the round's failures are logged in one line, and a
 * failure that repeats round after round only once until the sync works again.
 */
public final class MasterMetadataSync extends BackgroundService {
    public static final long DEFAULT_INTERVAL_MS = 3_000;
    public static final long REQUEST_TIMEOUT_MS = 3_000;

    private static final Logger log = LoggerFactory.getLogger(MasterMetadataSync.class);

    private final MasterRequests master;
    private final Supplier<String> masterAddress;
    private final SlaveMetadata local;
    private final OffsetSync offsets;
    private final Object roundLock = new Object();
    private DataVersion appliedDelayVersion;
    private String lastFailure;

    /**
     * Syncs over {@code client} (e.g. the broker's outbound client, shared with its NameServer
     * registration).
     *
     * @param masterAddress the master's {@code host:port}, asked every round; null skips the round
     * @param clock the clock the slave's {@link io.couriermq.broker.offset.ConsumerOffsetManager} stamps
     *     commits with (the hand-back rule compares its stamps with sync times)
     * @param intervalMs between rounds; {@link #DEFAULT_INTERVAL_MS} in production
     */
    public MasterMetadataSync(
            NettyRemotingClient client,
            Supplier<String> masterAddress,
            SlaveMetadata local,
            Clock clock,
            long intervalMs) {
        this(MasterRequests.over(client, REQUEST_TIMEOUT_MS), masterAddress, local, clock, intervalMs);
    }

    public MasterMetadataSync(
            MasterRequests master, Supplier<String> masterAddress, SlaveMetadata local, Clock clock, long intervalMs) {
        super("master-metadata-sync", intervalMs);
        this.master = master;
        this.masterAddress = masterAddress;
        this.local = local;
        this.offsets = new OffsetSync(master, local.offsets(), clock);
    }

    @Override
    protected void runOnce() {
        syncOnce();
    }

    /** One round now, on the caller's thread (the service's own rounds call this too). */
    public void syncOnce() {
        String address = masterAddress.get();
        if (address == null) {
            return;
        }
        synchronized (roundLock) {
            List<String> failures = new ArrayList<>();
            try {
                step("topics", failures, () -> syncTopics(address));
                step("groups", failures, () -> syncGroups(address));
                step("offsets", failures, () -> offsets.sync(address));
                step("delay offsets", failures, () -> syncDelayProgress(address));
            } catch (RemotingException e) {
                // the master is not reachable: the remaining requests would only fail the same way
                failures.add("master unreachable: " + e.getMessage());
            }
            report(address, failures);
        }
    }

    private void syncTopics(String address) {
        TopicConfigSerializeWrapper topics =
                fetch(master, address, RequestCode.GET_ALL_TOPIC_CONFIG, TopicConfigSerializeWrapper.class);
        requireVersion(topics.dataVersion(), "topic table");
        local.topics().replaceAll(topics);
    }

    private void syncGroups(String address) {
        SubscriptionGroupWrapper groups =
                fetch(master, address, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, SubscriptionGroupWrapper.class);
        requireVersion(groups.dataVersion(), "subscription groups");
        local.groups().replaceAll(groups);
    }

    private void syncDelayProgress(String address) {
        DelayOffsetSerializeWrapper progress =
                fetch(master, address, RequestCode.GET_ALL_DELAY_OFFSET, DelayOffsetSerializeWrapper.class);
        requireVersion(progress.dataVersion(), "delay offsets");
        if (!progress.dataVersion().equals(appliedDelayVersion)) {
            local.delayProgress().replaceAll(progress);
            appliedDelayVersion = progress.dataVersion();
        }
    }

    /** Asks the master and decodes a SUCCESS answer's body; anything else is a {@link MasterAnswerException}. */
    static <T> T fetch(MasterRequests master, String address, RequestCode code, Class<T> type) {
        RemotingCommand response =
                master.invoke(address, RemotingCommand.request(code).build());
        if (response.code() != ResponseCode.SUCCESS.code()) {
            throw new MasterAnswerException(
                    code + " answered with code " + response.code() + " (" + response.remark() + ")");
        }
        try {
            return RemotingJson.decode(response.body(), type);
        } catch (RuntimeException e) {
            throw new MasterAnswerException(code + ": " + e.getMessage(), e);
        }
    }

    static void requireVersion(DataVersion version, String what) {
        if (version == null) {
            throw new MasterAnswerException("the master's " + what + " came without a data version");
        }
    }

    private static void step(String what, List<String> failures, Runnable step) {
        try {
            step.run();
        } catch (MasterAnswerException | IllegalArgumentException e) {
            failures.add(what + ": " + e.getMessage());
        }
    }

    private void report(String address, List<String> failures) {
        String failure = failures.isEmpty() ? null : String.join("; ", failures);
        if (failure == null) {
            if (lastFailure != null) {
                log.info("metadata sync from master {} works again", address);
            }
        } else if (failure.equals(lastFailure)) {
            log.debug("metadata sync from master {} still failing: {}", address, failure);
        } else {
            log.warn("metadata sync from master {} failed, local state kept: {}", address, failure);
        }
        lastFailure = failure;
    }
}
