package io.couriermq.broker.replica;

import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.offset.LocalCommit;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumerOffsetSerializeWrapper;
import io.couriermq.remoting.protocol.header.broker.UpdateConsumerOffsetRequestHeader;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets step of a slave's sync, and its hand-back rule. Consumers commit to a slave only while
 * they cannot reach the master; while the master answers, the slave takes the master's offsets, except
 * an entry a client committed here since the last successful sync that is beyond the master's. That one
 * is kept and handed back with UPDATE_CONSUMER_OFFSET carrying {@link LocalCommit#HAND_BACK_FIELD},
 * which the master applies only forward and not over a newer admin reset. A hand-back that fails keeps
 * the sync time where it was, so the entry is handed back again next round; at worst consumers see a
 * message twice, never skip one.
 */
final class OffsetSync {
    private static final Logger log = LoggerFactory.getLogger(OffsetSync.class);

    private final MasterRequests master;
    private final ConsumerOffsetManager offsets;
    private final Clock clock;
    /**
     * Just before the start of the last round that applied the master's table and handed everything
     * back (0: none yet). A commit stamped later is newer than that round: one in the very millisecond
     * the round started may have missed it.
     */
    private long lastSyncMs;

    OffsetSync(MasterRequests master, ConsumerOffsetManager offsets, Clock clock) {
        this.master = master;
        this.offsets = offsets;
        this.clock = clock;
    }

    void sync(String address) {
        // taken before asking: a commit racing with the answer counts as newer and is kept
        long startedMs = clock.millis();
        ConsumerOffsetSerializeWrapper table = MasterMetadataSync.fetch(
                master, address, RequestCode.GET_ALL_CONSUMER_OFFSET, ConsumerOffsetSerializeWrapper.class);
        MasterMetadataSync.requireVersion(table.dataVersion(), "consumer offsets");
        List<LocalCommit> kept = offsets.applyMaster(table.offsetTable(), lastSyncMs);
        offsets.persist();
        for (LocalCommit commit : kept) {
            handBack(address, commit);
        }
        if (!kept.isEmpty()) {
            log.info("handed {} offsets committed here, beyond the master's, back to master {}", kept.size(), address);
        }
        lastSyncMs = startedMs - 1;
    }

    private void handBack(String address, LocalCommit commit) {
        RemotingCommand request = RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET)
                .header(new UpdateConsumerOffsetRequestHeader(
                        commit.group(), commit.topic(), commit.queueId(), commit.offset(), null))
                .extField(LocalCommit.HAND_BACK_FIELD, Long.toString(commit.committedAtMs()))
                .build();
        RemotingCommand response = master.invoke(address, request);
        if (response.code() != ResponseCode.SUCCESS.code()) {
            throw new MasterAnswerException("hand-back of " + commit + " answered with code " + response.code() + " ("
                    + response.remark() + ")");
        }
        log.debug(
                "handed back offset {} of {} on {}/{}",
                commit.offset(),
                commit.group(),
                commit.topic(),
                commit.queueId());
    }
}
