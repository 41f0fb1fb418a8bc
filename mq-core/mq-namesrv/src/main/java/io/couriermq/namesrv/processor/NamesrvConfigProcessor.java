package io.couriermq.namesrv.processor;

import io.couriermq.namesrv.config.RuntimeNameServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.PropertiesText;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.Map;

/**
 * GET_NAMESRV_CONFIG (319, {@code mqadmin getNamesrvConfig}) answers the settings in force as sorted
 * properties text, as RocketMQ 5.2.0 does. UPDATE_NAMESRV_CONFIG (318, {@code updateNamesrvConfig})
 * applies a properties body wholly or not at all: a key that cannot change at run time is refused with
 * NO_PERMISSION (RocketMQ's answer for its forbidden keys), an unknown key or a bad value with
 * SYSTEM_ERROR, each remark naming the key.
 */
public final class NamesrvConfigProcessor implements RequestProcessor {
    private final RuntimeNameServerConfig config;

    public NamesrvConfigProcessor(RuntimeNameServerConfig config) {
        this.config = config;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case GET_NAMESRV_CONFIG ->
                RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                        .body(PropertiesText.encode(config.properties()))
                        .build();
            case UPDATE_NAMESRV_CONFIG -> update(request);
            default -> throw new IllegalArgumentException("not a NameServer config request: " + request);
        };
    }

    private RemotingCommand update(RemotingCommand request) {
        Map<String, String> requested;
        try {
            requested = PropertiesText.decode(request.body());
        } catch (IllegalArgumentException e) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                    .remark(e.getMessage())
                    .build();
        }
        RuntimeNameServerConfig.Refusal refusal = config.update(requested);
        if (refusal == null) {
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
        }
        return RemotingCommand.responseTo(
                        request, refusal.fixedKey() ? ResponseCode.NO_PERMISSION : ResponseCode.SYSTEM_ERROR)
                .remark(refusal.message())
                .build();
    }
}
