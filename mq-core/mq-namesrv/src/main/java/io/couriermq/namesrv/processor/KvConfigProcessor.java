package io.couriermq.namesrv.processor;

import io.couriermq.namesrv.kv.KvConfigTable;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.KVTable;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.namesrv.KvConfigRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.NamespaceRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.Map;

/** PUT_KV_CONFIG, GET_KV_CONFIG, DELETE_KV_CONFIG and GET_KVLIST_BY_NAMESPACE. */
public final class KvConfigProcessor implements RequestProcessor {
    private final KvConfigTable kvConfig;

    public KvConfigProcessor(KvConfigTable kvConfig) {
        this.kvConfig = kvConfig;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case PUT_KV_CONFIG -> put(request);
            case GET_KV_CONFIG -> get(request);
            case DELETE_KV_CONFIG -> delete(request);
            case GET_KVLIST_BY_NAMESPACE -> list(request);
            default -> throw new IllegalArgumentException("not a KV config request: " + request);
        };
    }

    private RemotingCommand put(RemotingCommand request) {
        KvConfigRequestHeader header = request.decodeHeader(KvConfigRequestHeader::decodePut);
        kvConfig.put(header.namespace(), header.key(), header.value());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    private RemotingCommand get(RemotingCommand request) {
        KvConfigRequestHeader header = request.decodeHeader(KvConfigRequestHeader::decodeKey);
        String value = kvConfig.get(header.namespace(), header.key());
        if (value == null) {
            return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND)
                    .remark("No config item, Namespace: " + header.namespace() + " Key: " + header.key())
                    .build();
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .header(KvConfigRequestHeader.valueOnly(value))
                .build();
    }

    private RemotingCommand delete(RemotingCommand request) {
        KvConfigRequestHeader header = request.decodeHeader(KvConfigRequestHeader::decodeKey);
        kvConfig.delete(header.namespace(), header.key());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    private RemotingCommand list(RemotingCommand request) {
        String namespace = request.decodeHeader(NamespaceRequestHeader::decode).namespace();
        Map<String, String> table = kvConfig.namespace(namespace);
        if (table.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND)
                    .remark("No config item, Namespace: " + namespace)
                    .build();
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(new KVTable(table)))
                .build();
    }
}
