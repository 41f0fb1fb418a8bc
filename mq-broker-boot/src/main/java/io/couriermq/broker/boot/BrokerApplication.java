package io.couriermq.broker.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The CourierMQ broker as a Spring Boot application: {@code java -jar mq-broker.jar [-c broker.conf]
 * [--standalone] [--server.port=N] ...}. RocketMQ-style options are translated to Spring properties
 * first (see {@link BrokerArguments}), so everything after that is ordinary Spring Boot configuration.
 */
@SpringBootApplication
public class BrokerApplication {

    public static void main(String[] args) {
        SpringApplication.run(BrokerApplication.class, BrokerArguments.translate(args));
    }
}
