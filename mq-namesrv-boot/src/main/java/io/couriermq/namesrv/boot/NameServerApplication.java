package io.couriermq.namesrv.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The CourierMQ NameServer as a Spring Boot application: {@code java -jar mq-namesrv.jar}. */
@SpringBootApplication
public class NameServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(NameServerApplication.class, args);
    }
}
