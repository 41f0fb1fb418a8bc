package io.couriermq.tools.bench;

import java.util.Arrays;
import java.util.Optional;

/** What the load generator does. */
public enum BenchMode {
    PRODUCE_SYNC("produce-sync"),
    PRODUCE_ASYNC("produce-async"),
    PRODUCE_ONEWAY("produce-oneway"),
    PRODUCE_BATCH("produce-batch"),
    CONSUME("consume"),
    LATENCY("latency");

    private final String cliName;

    BenchMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public boolean produces() {
        return this != CONSUME;
    }

    public static Optional<BenchMode> fromCliName(String name) {
        return Arrays.stream(values()).filter(mode -> mode.cliName.equals(name)).findFirst();
    }
}
