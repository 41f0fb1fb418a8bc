package io.couriermq.tools;

import io.couriermq.tools.bench.transport.ToolTransports;
import io.couriermq.tools.cli.MqToolsCommand;

/**
 * Entry point of {@code mq-tools.jar}: the picocli command tree of {@link MqToolsCommand} (admin
 * commands, {@code bench}, {@code pending}, {@code cancel}, {@code dlq}, {@code generate-completion}).
 */
public final class Main {
    /** Exit code for bad arguments. */
    public static final int USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, Console.system()));
    }

    /** Runs a tool and returns its exit code: 0 success, 1 failure, 2 bad arguments. */
    public static int run(String[] args, Console console) {
        int exit = MqToolsCommand.commandLine(console, new ToolTransports()).execute(args);
        console.outWriter().flush();
        console.errWriter().flush();
        return exit;
    }
}
