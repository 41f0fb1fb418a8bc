package io.couriermq.admin.internal;

import io.couriermq.admin.AdminException;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.security.Credentials;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synchronous requests to NameServers and brokers for the admin client. An answer other than SUCCESS and
 * the codes the caller accepts becomes an {@link AdminException} naming the server, the request and the
 * code; NameServers are tried in turn until one answers.
 */
public final class AdminRpc implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminRpc.class);

    private final NettyRemotingClient remoting;
    private final List<String> nameServers;
    private final long timeoutMs;

    public AdminRpc(List<String> nameServers, long timeoutMs) {
        this(nameServers, timeoutMs, null);
    }

    /** Every request signed with {@code credentials} (RocketMQ ACL 1.0); null sends them unsigned. */
    public AdminRpc(List<String> nameServers, long timeoutMs, Credentials credentials) {
        this(nameServers, timeoutMs, credentials, TlsClientSettings.disabled());
    }

    /** As {@link #AdminRpc(List, long, Credentials)}, with TLS on every connection as {@code tls} says. */
    public AdminRpc(List<String> nameServers, long timeoutMs, Credentials credentials, TlsClientSettings tls) {
        if (nameServers.isEmpty()) {
            throw new IllegalArgumentException("at least one NameServer address is needed");
        }
        this.nameServers = List.copyOf(nameServers);
        this.timeoutMs = timeoutMs;
        this.remoting = new NettyRemotingClient(
                RemotingClientConfig.defaults().withCredentials(credentials).withTls(tls),
                new ChannelEventListener() {});
    }

    public List<String> nameServers() {
        return nameServers;
    }

    public long timeoutMs() {
        return timeoutMs;
    }

    /** Sends to one server; SUCCESS and {@code accepted} are returned, anything else throws. */
    public RemotingCommand call(String address, RemotingCommand request, ResponseCode... accepted) {
        RemotingCommand response = send(address, request);
        if (response.code() == ResponseCode.SUCCESS.code()) {
            return response;
        }
        for (ResponseCode code : accepted) {
            if (response.code() == code.code()) {
                return response;
            }
        }
        throw refused(address, request, response);
    }

    /** {@link #call} and {@link #decode} in one. */
    public <T> T get(String address, RemotingCommand request, Class<T> type) {
        return decode(address, request, call(address, request), type);
    }

    /**
     * {@link #call} for a CourierMQ extension code: a server that answers REQUEST_CODE_NOT_SUPPORTED (an
     * Apache RocketMQ broker, or an older CourierMQ) gets an error saying so in words.
     */
    public RemotingCommand callExtension(String address, RemotingCommand request, ResponseCode... accepted) {
        RemotingCommand response = send(address, request);
        if (response.code() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code()) {
            throw new AdminException(
                    address,
                    RequestCode.nameOf(request.code()),
                    response.code(),
                    ResponseCode.nameOf(response.code()),
                    "the broker does not support " + RequestCode.nameOf(request.code())
                            + ", a CourierMQ extension (is it an Apache RocketMQ broker?)");
        }
        if (response.code() == ResponseCode.SUCCESS.code()) {
            return response;
        }
        for (ResponseCode code : accepted) {
            if (response.code() == code.code()) {
                return response;
            }
        }
        throw refused(address, request, response);
    }

    /** Sends to one server and returns whatever it answered; only transport failures throw. */
    public RemotingCommand send(String address, RemotingCommand request) {
        try {
            return remoting.invokeSync(address, request, timeoutMs);
        } catch (RuntimeException e) {
            throw new AdminException(address, RequestCode.nameOf(request.code()), String.valueOf(e.getMessage()), e);
        }
    }

    /** Asks the NameServers in turn (a fresh request per attempt) until one answers SUCCESS or an accepted code. */
    public RemotingCommand callNameServer(Supplier<RemotingCommand> request, ResponseCode... accepted) {
        AdminException last = null;
        for (String address : nameServers) {
            try {
                return call(address, request.get(), accepted);
            } catch (AdminException e) {
                if (e.responseCode().isPresent()) {
                    throw e; // an answer is an answer: another NameServer would say the same
                }
                log.info("NameServer {} did not answer ({}); trying the next one", address, e.getMessage());
                last = e;
            }
        }
        throw last;
    }

    /** {@link #callNameServer} and {@link #decode} in one. */
    public <T> T getFromNameServer(Supplier<RemotingCommand> request, Class<T> type) {
        return decode("a NameServer of " + nameServers, request.get(), callNameServer(request), type);
    }

    /** Sends to every NameServer (writes such as DELETE_TOPIC_IN_NAMESRV must reach each of them). */
    public void callEveryNameServer(Supplier<RemotingCommand> request) {
        for (String address : nameServers) {
            call(address, request.get());
        }
    }

    public static AdminException refused(String address, RemotingCommand request, RemotingCommand response) {
        return new AdminException(
                address,
                RequestCode.nameOf(request.code()),
                response.code(),
                ResponseCode.nameOf(response.code()),
                response.remark());
    }

    /** The response's JSON body as {@code type}; a missing or malformed body names the server and request. */
    public static <T> T decode(String address, RemotingCommand request, RemotingCommand response, Class<T> type) {
        if (!response.hasBody()) {
            throw new AdminException(address, RequestCode.nameOf(request.code()), "the answer has no body", null);
        }
        try {
            return RemotingJson.decodeWithObjectKeys(response.body(), type);
        } catch (RuntimeException e) {
            throw new AdminException(
                    address,
                    RequestCode.nameOf(request.code()),
                    "cannot read the answer as " + type.getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        remoting.close();
    }
}
