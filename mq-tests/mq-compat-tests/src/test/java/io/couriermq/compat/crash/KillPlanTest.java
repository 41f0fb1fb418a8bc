package io.couriermq.compat.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KillPlanTest {

    @Test
    void theFirstThreeCyclesAimAtThreeDifferentEventsForEverySeed() {
        for (long seed = 0; seed < 200; seed++) {
            List<KillTarget> first = take(new KillPlan(new Random(seed)), 3);
            assertThat(first).as("seed %d", seed).doesNotHaveDuplicates().allMatch(KillTarget::aimed);
        }
    }

    @Test
    void aHundredCyclesAimTwentyTimesAtEachTarget() {
        Map<KillTarget, Integer> counts = new EnumMap<>(KillTarget.class);
        take(new KillPlan(new Random(42)), 100).forEach(target -> counts.merge(target, 1, Integer::sum));

        assertThat(counts).hasSize(KillTarget.values().length).allSatisfy((target, count) -> assertThat(count)
                .as("%s", target)
                .isEqualTo(20));
    }

    @Test
    void theSeedReplaysTheTargetsAndTheShufflesDiffer() {
        assertThat(take(new KillPlan(new Random(7)), 20)).isEqualTo(take(new KillPlan(new Random(7)), 20));
        List<List<KillTarget>> orders = new ArrayList<>();
        for (long seed = 0; seed < 30; seed++) {
            orders.add(take(new KillPlan(new Random(seed)), 4));
        }
        assertThat(orders.stream().distinct().count())
                .as("different seeds, different orders")
                .isGreaterThan(5);
    }

    private static List<KillTarget> take(KillPlan plan, int cycles) {
        return IntStream.range(0, cycles).mapToObj(cycle -> plan.next()).toList();
    }
}
