package io.couriermq.tools;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The command line's two streams: progress, usage and failures go to {@code err}, results to {@code out}.
 * The only place in the tools that writes to them; picocli writes through {@link #outWriter()} and
 * {@link #errWriter()}.
 */
public final class Console {
    private final PrintStream out;
    private final PrintStream err;
    private final PrintWriter outWriter;
    private final PrintWriter errWriter;

    public Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        this.errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    }

    public static Console system() {
        return new Console(System.out, System.err);
    }

    /** The machine-readable result; one line, flushed at once. */
    public void result(String line) {
        outWriter.flush();
        out.println(line);
        out.flush();
    }

    /** Human-readable progress, usage and errors. */
    public void info(String line) {
        errWriter.flush();
        err.println(line);
        err.flush();
    }

    /** The result stream as a writer (help, tables, JSON). */
    public PrintWriter outWriter() {
        return outWriter;
    }

    /** The error stream as a writer (usage errors). */
    public PrintWriter errWriter() {
        return errWriter;
    }
}
