package io.couriermq.tools.cli;

import picocli.CommandLine.Option;

/** An admin command that reads: a table for people by default, {@code --json} for scripts. */
abstract class ReadCommand extends AdminCommand {
    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    /** Prints {@code value} as JSON with {@code --json}, else runs {@code text}. Returns 0. */
    int print(Object value, Runnable text) {
        if (json) {
            out().println(Output.json(value));
        } else {
            text.run();
        }
        out().flush();
        return 0;
    }
}
