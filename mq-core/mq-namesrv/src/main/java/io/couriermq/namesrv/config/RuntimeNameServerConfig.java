package io.couriermq.namesrv.config;

import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NameServer's configuration as it is now: what GET_NAMESRV_CONFIG shows (RocketMQ 5.2.0's key names
 * where it has the setting, CourierMQ's own names, as in {@code courier.namesrv.*}, where it has none) and
 * what UPDATE_NAMESRV_CONFIG may change. Only orderMessageEnable is read afresh by its user (every route
 * query); the ports, threads and the expiry scan are set up once, so changing them is refused by name.
 */
public final class RuntimeNameServerConfig {
    public static final Set<String> RUNTIME_KEYS = Set.of("orderMessageEnable");
    private static final Logger log = LoggerFactory.getLogger(RuntimeNameServerConfig.class);

    /** Why an update was refused; {@code fixedKey} when a known key cannot change at run time. */
    public record Refusal(boolean fixedKey, String message) {}

    private volatile NameServerConfig current;
    private volatile int boundPort;

    public RuntimeNameServerConfig(NameServerConfig initial) {
        this.current = initial;
        this.boundPort = initial.remoting().listenPort();
    }

    public NameServerConfig config() {
        return current;
    }

    public boolean orderMessageEnable() {
        return current.orderMessageEnable();
    }

    /** The port actually bound (configured as 0 in tests). */
    public void boundPort(int port) {
        this.boundPort = port;
    }

    /** Every setting with its value in force, sorted by key. */
    public Map<String, String> properties() {
        NameServerConfig config = current;
        RemotingServerConfig remoting = config.remoting();
        Map<String, String> properties = new TreeMap<>();
        properties.put("listenPort", Integer.toString(boundPort));
        properties.put("bindAddress", remoting.bindAddress());
        properties.put("serverWorkerThreads", Integer.toString(remoting.workerThreads()));
        properties.put("serverChannelMaxIdleTimeSeconds", Integer.toString(remoting.idleTimeoutSeconds()));
        properties.put("useEpollNativeSelector", Boolean.toString(remoting.preferEpoll()));
        properties.put("maxFrameBytes", Integer.toString(remoting.maxFrameBytes()));
        properties.put("shutdownGraceMs", Long.toString(remoting.shutdownGraceMs()));
        properties.put("scanNotActiveBrokerInterval", Long.toString(config.expiryScanIntervalMs()));
        properties.put("brokerExpiryMs", Long.toString(config.brokerExpiryMs()));
        properties.put("orderMessageEnable", Boolean.toString(config.orderMessageEnable()));
        properties.put("aclEnable", Boolean.toString(config.aclEnable()));
        return properties;
    }

    /** Applies {@code requested} wholly and returns null, or applies nothing and says why. */
    public synchronized Refusal update(Map<String, String> requested) {
        if (requested.isEmpty()) {
            return null;
        }
        Set<String> known = properties().keySet();
        Map<String, String> sorted = new TreeMap<>(requested);
        for (String key : sorted.keySet()) {
            if (!known.contains(key)) {
                return refused(requested, new Refusal(false, "unknown key '" + key + "'"));
            }
            if (!RUNTIME_KEYS.contains(key)) {
                return refused(
                        requested,
                        new Refusal(
                                true,
                                "key '" + key + "' cannot change at run time (keys that can: " + RUNTIME_KEYS + ")"));
            }
        }
        String orderMessageEnable = sorted.get("orderMessageEnable");
        boolean order = current.orderMessageEnable();
        if (orderMessageEnable != null) {
            String value = orderMessageEnable.trim();
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                return refused(
                        requested,
                        new Refusal(
                                false,
                                "invalid value '" + orderMessageEnable
                                        + "' for key 'orderMessageEnable': must be true or false"));
            }
            order = Boolean.parseBoolean(value);
        }
        NameServerConfig previous = current;
        current = previous.withOrderMessageEnable(order);
        log.info("NameServer configuration changed at run time: {}", requested);
        return null;
    }

    private static Refusal refused(Map<String, String> requested, Refusal refusal) {
        log.warn("NameServer configuration change {} refused: {}", requested, refusal.message());
        return refusal;
    }
}
