package io.couriermq.namesrv.processor;

import io.couriermq.namesrv.kv.KvConfigTable;
import io.couriermq.namesrv.route.BrokerKey;
import io.couriermq.namesrv.route.BrokerRegistration;
import io.couriermq.namesrv.route.RegistrationResult;
import io.couriermq.namesrv.route.RouteTable;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.KVTable;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.couriermq.remoting.protocol.header.namesrv.BrokerIdentityHeader;
import io.couriermq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.RegisterBrokerResponseHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.Map;

/**
 * The broker side of the NameServer: REGISTER_BROKER, UNREGISTER_BROKER, and the two proofs of life a
 * 5.x broker in acting-master mode sends every second, QUERY_DATA_VERSION and BROKER_HEARTBEAT (both
 * may arrive oneway; the dispatcher then sends no answer).
 */
public final class BrokerRegistrationProcessor implements RequestProcessor {
    private final RouteTable routes;
    private final KvConfigTable kvConfig;
    private final long defaultTimeoutMs;

    public BrokerRegistrationProcessor(RouteTable routes, KvConfigTable kvConfig, long defaultTimeoutMs) {
        this.routes = routes;
        this.kvConfig = kvConfig;
        this.defaultTimeoutMs = defaultTimeoutMs;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        RequestCode code = RequestCode.of(request.code());
        return switch (code) {
            case REGISTER_BROKER -> register(context, request);
            case UNREGISTER_BROKER -> unregister(request);
            case QUERY_DATA_VERSION -> queryDataVersion(request);
            case BROKER_HEARTBEAT -> heartbeat(request);
            default -> throw new IllegalArgumentException("not a registration request: " + request);
        };
    }

    private RemotingCommand register(RequestContext context, RemotingCommand request) {
        RegisterBrokerRequestHeader header = request.decodeHeader(RegisterBrokerRequestHeader::decode);
        if (header.bodyCrc32() != 0 && header.bodyCrc32() != RegisterBodyDecoder.crc32(request.body())) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark("crc32 not match: the registration body of " + header.brokerAddr() + " is corrupt")
                    .build();
        }
        TopicConfigSerializeWrapper topics = request.hasBody()
                ? RegisterBodyDecoder.topicTableOf(RegisterBodyDecoder.decode(request.body(), header.compressed()))
                : null;
        RegistrationResult result = routes.register(new BrokerRegistration(
                header.clusterName(),
                header.brokerName(),
                header.brokerAddr(),
                header.brokerId(),
                header.haServerAddr(),
                topics == null ? null : topics.dataVersion(),
                topics == null ? null : topics.topicConfigTable(),
                timeoutOf(header),
                Boolean.TRUE.equals(header.enableActingMaster()),
                context.channel()));
        Map<String, String> orderTopics = kvConfig.namespace(KvConfigTable.ORDER_TOPIC_CONFIG);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .header(new RegisterBrokerResponseHeader(result.haServerAddr(), result.masterAddr()))
                .body(orderTopics.isEmpty() ? null : RemotingJson.encode(new KVTable(orderTopics)))
                .build();
    }

    private long timeoutOf(RegisterBrokerRequestHeader header) {
        Long stated = header.heartbeatTimeoutMillis();
        return stated != null && stated > 0 ? stated : defaultTimeoutMs;
    }

    private RemotingCommand unregister(RemotingCommand request) {
        BrokerIdentityHeader header = request.decodeHeader(BrokerIdentityHeader::decode);
        routes.unregister(new BrokerKey(header.clusterName(), header.brokerAddr()), header.brokerName());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    /** BROKER_HEARTBEAT (5.x acting-master mode, may be oneway): proof of life, nothing else. */
    private RemotingCommand heartbeat(RemotingCommand request) {
        BrokerKey key = request.decodeHeader(
                fields -> new BrokerKey(fields.requireString("clusterName"), fields.requireString("brokerAddr")));
        routes.refreshAndCompare(key, null);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    private RemotingCommand queryDataVersion(RemotingCommand request) {
        BrokerIdentityHeader header = request.decodeHeader(BrokerIdentityHeader::decode);
        BrokerKey key = new BrokerKey(header.clusterName(), header.brokerAddr());
        DataVersion offered = request.hasBody() ? RemotingJson.decode(request.body(), DataVersion.class) : null;
        boolean changed = routes.refreshAndCompare(key, offered);
        DataVersion held = routes.dataVersionOf(key);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .extField("changed", Boolean.toString(changed))
                .body(held == null ? null : RemotingJson.encode(held))
                .build();
    }
}
