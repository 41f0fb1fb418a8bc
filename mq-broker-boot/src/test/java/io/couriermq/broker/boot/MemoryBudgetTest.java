package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.store.StoreConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    private final StoreConfig store = StoreConfig.builder(Path.of("/tmp/store")).build();

    @Test
    void statesHeapDirectMemoryAndSegmentSizes() {
        assertThat(MemoryBudget.describe(512L << 20, List.of("-Xmx512m", "-XX:MaxDirectMemorySize=256m"), store))
                .isEqualTo("memory budget: heap max 512.0 MiB, direct memory max 256m, mapped segments:"
                        + " commit log 1.0 GiB, consume queue 5.7 MiB");
    }

    @Test
    void saysWhenTheJvmChoosesTheDirectMemoryLimit() {
        assertThat(MemoryBudget.describe(1L << 30, List.of(), store))
                .contains("direct memory max JVM default (about the max heap)");
    }
}
