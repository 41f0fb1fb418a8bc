package io.couriermq.namesrv.boot;

import io.couriermq.remoting.netty.tls.TlsProperties;
import io.couriermq.remoting.netty.tls.TlsServerSettings;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The NameServer's TLS, read as RocketMQ reads it (JVM system properties {@code tls.*}, then the file
 * named by {@code tls.config.file}), overridden by {@code courier.tls.*} properties. A configured mode
 * whose key files are missing fails start-up naming the key and the file; an unknown
 * {@code courier.tls.*} name fails too.
 */
final class NameServerTls {
    static final String PREFIX = "courier.tls";

    private NameServerTls() {}

    static TlsServerSettings read(Environment environment) {
        Map<String, String> relaxed = Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, String.class))
                .orElse(new TreeMap<>());
        return TlsProperties.resolve(System.getProperties(), TlsProperties.rocketMqKeys(PREFIX, relaxed))
                .server();
    }
}
