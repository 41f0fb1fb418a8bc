package io.couriermq.namesrv.processor;

import io.couriermq.namesrv.route.RouteTable;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.BodyFields;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.namesrv.BrokerNameRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.TopicRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;

/** Admin changes to routes: register or delete one topic, take write permission from a broker or give it back. */
public final class TopicAdminProcessor implements RequestProcessor {
    private final RouteTable routes;

    public TopicAdminProcessor(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case REGISTER_TOPIC_IN_NAMESRV -> registerTopic(request);
            case DELETE_TOPIC_IN_NAMESRV -> deleteTopic(request);
            case WIPE_WRITE_PERM_OF_BROKER -> changeWritePermission(request, false, "wipeTopicCount");
            case ADD_WRITE_PERM_OF_BROKER -> changeWritePermission(request, true, "addTopicCount");
            default -> throw new IllegalArgumentException("not a topic admin request: " + request);
        };
    }

    private RemotingCommand registerTopic(RemotingCommand request) {
        String topic = request.decodeHeader(TopicRequestHeader::decode).topic();
        TopicRouteData route = RemotingJson.decode(request.body(), TopicRouteData.class);
        // the route table is keyed by broker name: a queue data without one names no broker to add
        route.queueDatas()
                .forEach(queues -> BodyFields.require(queues.brokerName(), "queueDatas[].brokerName", request));
        routes.registerTopic(topic, route.queueDatas());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    private RemotingCommand deleteTopic(RemotingCommand request) {
        DeleteTopicFromNamesrvRequestHeader header = request.decodeHeader(DeleteTopicFromNamesrvRequestHeader::decode);
        routes.deleteTopic(header.topic(), header.clusterName());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    private RemotingCommand changeWritePermission(RemotingCommand request, boolean writable, String countField) {
        String brokerName =
                request.decodeHeader(BrokerNameRequestHeader::decode).brokerName();
        int count = routes.changeWritePermission(brokerName, writable);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .extField(countField, Integer.toString(count))
                .build();
    }
}
