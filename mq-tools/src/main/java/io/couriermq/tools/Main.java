package io.couriermq.tools;

import io.couriermq.tools.admin.DeadLetterCommand;
import io.couriermq.tools.bench.BenchCommand;
import io.couriermq.tools.bench.transport.ToolTransports;
import io.couriermq.tools.pending.PendingCommand;
import java.util.Arrays;

/** Entry point of {@code mq-tools.jar}: {@code bench <mode> [options]}, {@code pending}, {@code cancel}, {@code dlq}. */
public final class Main {
    /** Exit code for bad arguments. */
    public static final int USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, Console.system()));
    }

    /** Runs a tool and returns its exit code: 0 success, 1 failure, 2 bad arguments. */
    public static int run(String[] args, Console console) {
        if (args.length > 0 && (args[0].equals("pending") || args[0].equals("cancel"))) {
            return new PendingCommand(console).run(args);
        }
        if (args.length > 0 && DeadLetterCommand.TOOLS.contains(args[0])) {
            return new DeadLetterCommand(console).run(args[0], Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length == 0 || !args[0].equals("bench")) {
            console.info("usage: java -jar mq-tools.jar bench <mode> [options]");
            console.info(BenchCommand.usage());
            console.info(PendingCommand.usage());
            console.info(DeadLetterCommand.usage());
            return USAGE;
        }
        return new BenchCommand(console, new ToolTransports()).run(Arrays.copyOfRange(args, 1, args.length));
    }
}
