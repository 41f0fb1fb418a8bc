package io.couriermq.broker.processor;

import io.couriermq.broker.admin.SystemTopics;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.store.StoreMaintenance;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's store clean-ups, answered SUCCESS without body or remark as RocketMQ 5.2.0 answers
 * them (the tools read only the code): DELETE_EXPIRED_COMMITLOG (329, {@code deleteExpiredCommitLog})
 * deletes segments past {@code fileReservedTime} now instead of at {@code deleteWhen};
 * CLEAN_EXPIRED_CONSUMEQUEUE (306, {@code cleanExpiredCQ}) drops consume-queue files that point only
 * below the commit log; CLEAN_UNUSED_TOPIC (316, {@code cleanUnusedTopic}) deletes the consume queues of
 * topics no longer in the topic table, system topics excepted.
 */
public final class StoreMaintenanceProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(
            RequestCode.DELETE_EXPIRED_COMMITLOG,
            RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE,
            RequestCode.CLEAN_UNUSED_TOPIC);
    private static final Logger log = LoggerFactory.getLogger(StoreMaintenanceProcessor.class);

    private final StoreMaintenance store;
    private final TopicConfigManager topics;

    public StoreMaintenanceProcessor(StoreMaintenance store, TopicConfigManager topics) {
        this.store = store;
        this.topics = topics;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        switch (RequestCode.of(request.code())) {
            case DELETE_EXPIRED_COMMITLOG ->
                log.info(
                        "deleteExpiredCommitLog: {} expired commit-log segments deleted",
                        store.deleteExpiredCommitLogNow());
            case CLEAN_EXPIRED_CONSUMEQUEUE ->
                log.info("cleanExpiredConsumeQueue: {} consume-queue files deleted", store.cleanExpiredConsumeQueues());
            case CLEAN_UNUSED_TOPIC ->
                log.info(
                        "cleanUnusedTopic: the consume queues of {} topics deleted",
                        store.cleanUnusedTopics(this::inUse));
            default -> throw new IllegalArgumentException("not a store maintenance request: " + request);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    private boolean inUse(String topic) {
        return topics.find(topic).isPresent() || SystemTopics.isSystemTopic(topic);
    }
}
