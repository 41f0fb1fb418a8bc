package io.couriermq.spring.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the application's NameServers are. From {@code courier.name-server} by default; a
 * {@code @ServiceConnection} (Testcontainers) or another bean of this type takes its place.
 */
public interface MQConnectionDetails extends ConnectionDetails {

    /** NameServer addresses, host:port separated by semicolons. */
    String nameServer();
}
