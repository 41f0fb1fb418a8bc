package io.couriermq.broker.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The CourierMQ broker as a Spring Boot application: {@code java -jar mq-broker.jar [-c broker.conf]
 * [--standalone] [--server.port=N] ...}. RocketMQ-style options are translated to Spring properties
 * first (see {@link BrokerArguments}), so everything after that is ordinary Spring Boot configuration.
 * The broker (and the standalone NameServer) start as soon as that configuration is read, before the
 * web server and actuator ({@link BrokerFirstListener}).
 */
@SpringBootApplication
public class BrokerApplication {

    public static void main(String[] args) {
        run(args);
    }

    /** Starts the application as {@code main} does; the caller closes it. */
    static ConfigurableApplicationContext run(String... args) {
        return SpringApplication.run(BrokerApplication.class, BrokerArguments.translate(args));
    }
}
