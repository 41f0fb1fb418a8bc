package io.couriermq.tools;

import java.io.PrintStream;

/**
 * The command line's two streams: progress, usage and failures go to {@code err}, the one
 * machine-readable result line to {@code out}. The only place in the tools that writes to them.
 */
public final class Console {
    private final PrintStream out;
    private final PrintStream err;

    public Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static Console system() {
        return new Console(System.out, System.err);
    }

    /** The machine-readable result; one line, flushed at once. */
    public void result(String line) {
        out.println(line);
        out.flush();
    }

    /** Human-readable progress, usage and errors. */
    public void info(String line) {
        err.println(line);
        err.flush();
    }
}
