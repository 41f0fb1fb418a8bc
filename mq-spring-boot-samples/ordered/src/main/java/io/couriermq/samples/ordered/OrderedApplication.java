package io.couriermq.samples.ordered;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Ordered messages: {@link OrderStatusPublisher} sends each order's status steps with the order id as
 * hash key, so they share a queue, and {@link OrderStatusListener} consumes them in ORDERLY mode, one at
 * a time per queue, so each order's steps arrive in the order they were sent.
 */
@SpringBootApplication
public class OrderedApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderedApplication.class, args);
    }
}
