package io.couriermq.broker.processor;

import io.couriermq.broker.config.BrokerConfigUpdate;
import io.couriermq.broker.config.RuntimeBrokerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.PropertiesText;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.GetBrokerConfigResponseHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * GET_BROKER_CONFIG (26: {@code mqadmin getBrokerConfig}, {@code exportConfigs}) answers the effective
 * configuration as properties text with the data version in the {@code version} header field, as
 * RocketMQ 5.2.0 does. UPDATE_BROKER_CONFIG (25: {@code mqadmin updateBrokerConfig}) applies a
 * properties body wholly or not at all: a key that cannot change at run time is refused with
 * NO_PERMISSION (RocketMQ's answer for its forbidden keys), an unknown key or a bad value with
 * SYSTEM_ERROR, each remark naming the key.
 */
public final class BrokerConfigProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES =
            List.of(RequestCode.GET_BROKER_CONFIG, RequestCode.UPDATE_BROKER_CONFIG);

    private final RuntimeBrokerConfig config;

    public BrokerConfigProcessor(RuntimeBrokerConfig config) {
        this.config = config;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case GET_BROKER_CONFIG -> get(request);
            case UPDATE_BROKER_CONFIG -> update(request);
            default -> throw new IllegalArgumentException("not a broker config request: " + request);
        };
    }

    private RemotingCommand get(RemotingCommand request) {
        String version = new String(RemotingJson.encode(config.version()), StandardCharsets.UTF_8);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .header(new GetBrokerConfigResponseHeader(version))
                .body(PropertiesText.encode(config.properties()))
                .build();
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
        BrokerConfigUpdate.Outcome outcome = config.update(requested);
        if (!outcome.isRefused()) {
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
        }
        ResponseCode code = outcome.refusal().reason() == BrokerConfigUpdate.Reason.FIXED_KEY
                ? ResponseCode.NO_PERMISSION
                : ResponseCode.SYSTEM_ERROR;
        return RemotingCommand.responseTo(request, code)
                .remark(outcome.refusal().message())
                .build();
    }
}
