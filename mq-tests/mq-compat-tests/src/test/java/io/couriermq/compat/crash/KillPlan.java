package io.couriermq.compat.crash;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * The targets of successive kill cycles, drawn from the run's seeded {@link Random} (so {@code
 * -Dcrash.seed} replays them): rounds of five, each the four aimed targets in a shuffled order and then a
 * random moment. The first three cycles (what {@code verify} runs) thus aim at three different events, and
 * 100 cycles aim 20 times at each target.
 */
public final class KillPlan {
    private final Random random;
    private final Deque<KillTarget> round = new ArrayDeque<>();

    public KillPlan(Random random) {
        this.random = random;
    }

    public KillTarget next() {
        if (round.isEmpty()) {
            List<KillTarget> aimed = new ArrayList<>(KillTarget.aimedTargets());
            Collections.shuffle(aimed, random);
            round.addAll(aimed);
            round.add(KillTarget.RANDOM);
        }
        return round.poll();
    }
}
