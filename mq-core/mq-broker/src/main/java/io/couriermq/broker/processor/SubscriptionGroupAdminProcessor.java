package io.couriermq.broker.processor;

import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.SubscriptionGroupConfig;
import io.couriermq.remoting.protocol.header.broker.DeleteSubscriptionGroupRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin side of consumer groups ({@code mqadmin updateSubGroup}, {@code deleteSubGroup}): create or
 * update a group's config, list them all, delete one and optionally its committed offsets.
 */
public final class SubscriptionGroupAdminProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(
            RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
            RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG,
            RequestCode.DELETE_SUBSCRIPTIONGROUP);

    private static final Logger log = LoggerFactory.getLogger(SubscriptionGroupAdminProcessor.class);

    private final SubscriptionGroupManager groups;
    private final ConsumerOffsetManager offsets;

    public SubscriptionGroupAdminProcessor(SubscriptionGroupManager groups, ConsumerOffsetManager offsets) {
        this.groups = groups;
        this.offsets = offsets;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case UPDATE_AND_CREATE_SUBSCRIPTIONGROUP -> createOrUpdate(request);
            case GET_ALL_SUBSCRIPTIONGROUP_CONFIG ->
                RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                        .body(RemotingJson.encode(groups.snapshot()))
                        .build();
            case DELETE_SUBSCRIPTIONGROUP -> delete(request);
            default -> throw new IllegalArgumentException("not a subscription group admin request: " + request);
        };
    }

    private RemotingCommand createOrUpdate(RemotingCommand request) {
        SubscriptionGroupConfig config = RemotingJson.decode(request.body(), SubscriptionGroupConfig.class);
        try {
            groups.createOrUpdate(config);
        } catch (IllegalArgumentException e) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark(e.getMessage())
                    .build();
        }
        log.info("subscription group {} created or updated", config.groupName());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    private RemotingCommand delete(RemotingCommand request) {
        DeleteSubscriptionGroupRequestHeader header =
                request.decodeHeader(DeleteSubscriptionGroupRequestHeader::decode);
        boolean existed = groups.delete(header.groupName());
        if (header.cleanOffset()) {
            offsets.removeGroup(header.groupName());
        }
        log.info(
                "subscription group {} deleted (existed: {}, offsets cleaned: {})",
                header.groupName(),
                existed,
                header.cleanOffset());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }
}
