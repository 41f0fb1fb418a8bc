package io.couriermq.samples.quickstart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sends one message with each of {@code MQTemplate}'s send methods, receives them with listeners of both
 * styles, and exits: 0 when everything arrived, 1 when something did not within {@code
 * quickstart.timeout}. The exit code comes from {@link QuickstartRunner}, an {@code ExitCodeGenerator}.
 */
@SpringBootApplication
public class QuickstartApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(QuickstartApplication.class, args)));
    }
}
