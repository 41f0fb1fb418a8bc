package io.couriermq.tools.bench.run;

/** One mode of the load generator: runs until its budget is spent, recording into its stats. */
public interface BenchRunner {
    void run() throws InterruptedException;
}
