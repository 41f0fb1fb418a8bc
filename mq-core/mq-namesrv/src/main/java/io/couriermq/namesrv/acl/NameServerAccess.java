package io.couriermq.namesrv.acl;

import static io.couriermq.remoting.protocol.RequestCode.ADD_WRITE_PERM_OF_BROKER;
import static io.couriermq.remoting.protocol.RequestCode.BROKER_HEARTBEAT;
import static io.couriermq.remoting.protocol.RequestCode.DELETE_KV_CONFIG;
import static io.couriermq.remoting.protocol.RequestCode.DELETE_TOPIC_IN_NAMESRV;
import static io.couriermq.remoting.protocol.RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER;
import static io.couriermq.remoting.protocol.RequestCode.GET_BROKER_CLUSTER_INFO;
import static io.couriermq.remoting.protocol.RequestCode.GET_KVLIST_BY_NAMESPACE;
import static io.couriermq.remoting.protocol.RequestCode.GET_KV_CONFIG;
import static io.couriermq.remoting.protocol.RequestCode.GET_NAMESRV_CONFIG;
import static io.couriermq.remoting.protocol.RequestCode.GET_ROUTEINFO_BY_TOPIC;
import static io.couriermq.remoting.protocol.RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS;
import static io.couriermq.remoting.protocol.RequestCode.GET_TOPICS_BY_CLUSTER;
import static io.couriermq.remoting.protocol.RequestCode.PUT_KV_CONFIG;
import static io.couriermq.remoting.protocol.RequestCode.QUERY_DATA_VERSION;
import static io.couriermq.remoting.protocol.RequestCode.REGISTER_BROKER;
import static io.couriermq.remoting.protocol.RequestCode.REGISTER_TOPIC_IN_NAMESRV;
import static io.couriermq.remoting.protocol.RequestCode.UNREGISTER_BROKER;
import static io.couriermq.remoting.protocol.RequestCode.UPDATE_NAMESRV_CONFIG;
import static io.couriermq.remoting.protocol.RequestCode.WIPE_WRITE_PERM_OF_BROKER;

import io.couriermq.acl.check.AccessDenial;
import io.couriermq.acl.check.AccessPolicy;
import io.couriermq.acl.check.AccessValidator;
import io.couriermq.acl.model.Accounts;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import java.util.EnumSet;
import java.util.Set;

/**
 * The NameServer's opt-in ACL: which requests need an admin account. RocketMQ 5.2.0's NameServer checks
 * nothing, so reads stay open to every client (routes, cluster, topic lists, KV and configuration reads),
 * and only the requests that change the NameServer's state need a valid ACL 1.0 signature of an admin
 * account (or an address on a white list, as the broker's rules have it).
 *
 * <p>BROKER_HEARTBEAT and QUERY_DATA_VERSION count as writes: a broker sends them every few seconds, and
 * each one renews the broker's liveness, so an unsigned one could keep a dead or forged broker's routes in
 * every client's answers. A broker that registers signed sends them signed too.
 *
 * <p>Every code the NameServer serves is in exactly one of {@link #READS} and {@link #WRITES}; the
 * NameServer refuses to register a processor for a code in neither, so a new request is never open by
 * oversight.
 */
public final class NameServerAccess implements AccessPolicy {
    /** Requests answered to anyone, as RocketMQ 5.2.0's NameServer does. */
    public static final Set<RequestCode> READS = EnumSet.of(
            GET_ROUTEINFO_BY_TOPIC,
            GET_BROKER_CLUSTER_INFO,
            GET_ALL_TOPIC_LIST_FROM_NAMESERVER,
            GET_TOPICS_BY_CLUSTER,
            GET_SYSTEM_TOPIC_LIST_FROM_NS,
            GET_KV_CONFIG,
            GET_KVLIST_BY_NAMESPACE,
            GET_NAMESRV_CONFIG);

    /** Requests that change routes, liveness, KV or configuration: an admin account's only. */
    public static final Set<RequestCode> WRITES = EnumSet.of(
            REGISTER_BROKER,
            UNREGISTER_BROKER,
            BROKER_HEARTBEAT,
            QUERY_DATA_VERSION,
            REGISTER_TOPIC_IN_NAMESRV,
            DELETE_TOPIC_IN_NAMESRV,
            WIPE_WRITE_PERM_OF_BROKER,
            ADD_WRITE_PERM_OF_BROKER,
            PUT_KV_CONFIG,
            DELETE_KV_CONFIG,
            UPDATE_NAMESRV_CONFIG);

    private static final Set<Integer> WRITE_CODES =
            Set.copyOf(WRITES.stream().map(RequestCode::code).toList());

    public static boolean isWrite(int code) {
        return WRITE_CODES.contains(code);
    }

    /** Whether the code has been put on one side: the NameServer serves no other. */
    public static boolean isClassified(RequestCode code) {
        return READS.contains(code) || WRITES.contains(code);
    }

    @Override
    public AccessDenial check(Accounts accounts, String remoteAddress, RemotingCommand request) {
        return isWrite(request.code()) ? AccessValidator.checkAdmin(accounts, remoteAddress, request) : null;
    }
}
