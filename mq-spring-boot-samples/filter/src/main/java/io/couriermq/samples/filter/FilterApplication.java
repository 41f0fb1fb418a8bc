package io.couriermq.samples.filter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Broker-side filtering: {@link OrderEventPublisher} sends every order event to one topic, with its type
 * as tag and its region and amount as message properties; {@link PaymentEventsListener} subscribes by tag
 * and {@link LargeEuOrdersListener} by a SQL92 condition on the properties. The broker sends each only
 * what matches. SQL92 needs {@code enablePropertyFilter=true} on the broker.
 */
@SpringBootApplication
public class FilterApplication {

    public static void main(String[] args) {
        SpringApplication.run(FilterApplication.class, args);
    }
}
