package io.couriermq.broker.boot;

import java.util.ArrayList;
import java.util.List;

/**
 * Translates the command-line options RocketMQ users type ({@code -c broker.conf}, {@code -n namesrv})
 * and {@code --standalone} into Spring properties, so the rest of the start-up sees one configuration
 * model. Every other argument ({@code --server.port=N}, {@code --courier.broker.listenPort=N}) passes
 * through unchanged.
 */
final class BrokerArguments {
    static final String CONFIG_FILE = "courier.broker.config-file";
    static final String STANDALONE = "courier.broker.standalone";
    static final String NAMESRV_ADDR = "courier.broker.namesrvAddr";

    private BrokerArguments() {}

    static String[] translate(String[] args) {
        List<String> translated = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--standalone")) {
                translated.add("--" + STANDALONE + "=true");
            } else if (arg.equals("-c") || arg.equals("-n")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value: " + usage(arg));
                }
                translated.add(property(arg, args[++i]));
            } else if (arg.startsWith("-c=") || arg.startsWith("-n=")) {
                translated.add(property(arg.substring(0, 2), arg.substring(3)));
            } else {
                translated.add(arg);
            }
        }
        return translated.toArray(String[]::new);
    }

    private static String property(String option, String value) {
        return "--" + (option.equals("-c") ? CONFIG_FILE : NAMESRV_ADDR) + "=" + value;
    }

    private static String usage(String option) {
        return option.equals("-c") ? "-c <broker.conf>" : "-n <host:port;host:port>";
    }
}
