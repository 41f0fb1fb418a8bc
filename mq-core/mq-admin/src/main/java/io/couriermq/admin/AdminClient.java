package io.couriermq.admin;

import io.couriermq.admin.cluster.ClusterAdmin;
import io.couriermq.admin.group.GroupAdmin;
import io.couriermq.admin.internal.AdminRpc;
import io.couriermq.admin.internal.Routes;
import io.couriermq.admin.message.DeadLetterAdmin;
import io.couriermq.admin.message.MessageAdmin;
import io.couriermq.admin.message.PendingAdmin;
import io.couriermq.admin.topic.TopicAdmin;
import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.security.Credentials;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The admin client: one connection pool to the NameServers and brokers, and one object per area
 * ({@link #cluster()}, {@link #topics()}, {@link #groups()}, ...). Everything goes over the standard
 * remoting codes, so it works against Apache RocketMQ 5.2.0 as well, except the CourierMQ extensions
 * (dead-letter resend, pending deliveries), which such a broker refuses by name. Thread-safe; every
 * call is synchronous and fails with an {@link AdminException}. Against a broker with ACL on, connect
 * with {@link Credentials}: every request is then signed (RocketMQ ACL 1.0), and the admin-only requests
 * (topic and group changes, broker configuration) need an admin account. Against servers that speak TLS,
 * connect with {@link TlsClientSettings}: every connection, to NameServers and brokers alike, is then TLS.
 */
public final class AdminClient implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final AdminRpc rpc;
    private final ClusterAdmin cluster;
    private final TopicAdmin topics;
    private final GroupAdmin groups;
    private final MessageAdmin messages;
    private final DeadLetterAdmin deadLetters;
    private final PendingAdmin pending;

    private AdminClient(List<String> nameServers, Duration timeout, Credentials credentials, TlsClientSettings tls) {
        this.rpc = new AdminRpc(nameServers, timeout.toMillis(), credentials, tls);
        Routes routes = new Routes(rpc);
        this.cluster = new ClusterAdmin(rpc, routes);
        this.topics = new TopicAdmin(rpc, routes);
        this.groups = new GroupAdmin(rpc, routes);
        this.messages = new MessageAdmin(rpc, routes, groups);
        this.deadLetters = new DeadLetterAdmin(rpc, routes);
        this.pending = new PendingAdmin(rpc, routes);
    }

    /** A client for these NameServers ({@code host:port} each); each request waits at most {@code timeout}. */
    public static AdminClient connect(List<String> nameServers, Duration timeout) {
        return new AdminClient(nameServers, timeout, null, TlsClientSettings.disabled());
    }

    /**
     * As {@link #connect(List, Duration)}, signing every request with {@code credentials} (null: unsigned),
     * for brokers with ACL on.
     */
    public static AdminClient connect(List<String> nameServers, Duration timeout, Credentials credentials) {
        return new AdminClient(nameServers, timeout, credentials, TlsClientSettings.disabled());
    }

    /**
     * As {@link #connect(List, Duration, Credentials)}, with TLS on every connection as {@code tls} says
     * ({@link TlsClientSettings#disabled()}: plain).
     */
    public static AdminClient connect(
            List<String> nameServers, Duration timeout, Credentials credentials, TlsClientSettings tls) {
        return new AdminClient(nameServers, timeout, credentials, Objects.requireNonNull(tls, "tls"));
    }

    /** A client for a RocketMQ-style address list, {@code "host:port;host:port"}, with the default timeout. */
    public static AdminClient connect(String nameServers) {
        return connect(parseAddresses(nameServers), DEFAULT_TIMEOUT);
    }

    /** Splits {@code "a:1;b:2"} (also accepting commas) into addresses. */
    public static List<String> parseAddresses(String nameServers) {
        List<String> addresses = Arrays.stream(nameServers.split("[;,]"))
                .map(String::trim)
                .filter(address -> !address.isEmpty())
                .toList();
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no NameServer address in '" + nameServers + "'");
        }
        return addresses;
    }

    public List<String> nameServers() {
        return rpc.nameServers();
    }

    /** Clusters, brokers, runtime figures and broker configuration. */
    public ClusterAdmin cluster() {
        return cluster;
    }

    /** Topics: list, route, status, create/update, delete. */
    public TopicAdmin topics() {
        return topics;
    }

    /** Consumer groups: list, progress, connections, reset by time, delete. */
    public GroupAdmin groups() {
        return groups;
    }

    /** Messages: by id, key, queue offset or time range; resend one to a consumer. */
    public MessageAdmin messages() {
        return messages;
    }

    /** A group's dead letters: list, resend (CourierMQ extension). */
    public DeadLetterAdmin deadLetters() {
        return deadLetters;
    }

    /** Delayed and timed messages not yet delivered: list, cancel (CourierMQ extension). */
    public PendingAdmin pending() {
        return pending;
    }

    @Override
    public void close() {
        rpc.close();
    }
}
