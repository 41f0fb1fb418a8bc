package io.couriermq.compat.crash;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Per target: how many kills aimed at it, how many hit, and how soon after the event the hits landed. */
public final class KillTally {
    private final Map<KillTarget, List<AimedKill.Outcome>> outcomes = new EnumMap<>(KillTarget.class);

    public void add(AimedKill.Outcome outcome) {
        outcomes.computeIfAbsent(outcome.target(), target -> new ArrayList<>()).add(outcome);
    }

    /** One line: per target tries, hits, misses, and the slowest event-to-signal bound of its hits. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        outcomes.forEach((target, list) -> {
            if (!target.aimed()) {
                parts.add(target + " " + list.size());
                return;
            }
            long hits = list.stream().filter(AimedKill.Outcome::hit).count();
            long slowestMicros = list.stream()
                    .filter(AimedKill.Outcome::hit)
                    .mapToLong(AimedKill.Outcome::eventToSignalMaxMicros)
                    .max()
                    .orElse(0);
            parts.add(String.format(
                    "%s %d/%d hit (%d missed, fell back to a random moment; SIGKILL at most %d µs after the event)",
                    target, hits, list.size(), list.size() - hits, slowestMicros));
        });
        return String.join("; ", parts);
    }

    /**
     * Targets aimed at {@code minTries} times or more without one hit: their probe no longer matches what
     * the broker writes, and those kills were random ones in disguise.
     */
    public List<KillTarget> neverHit(int minTries) {
        List<KillTarget> never = new ArrayList<>();
        outcomes.forEach((target, list) -> {
            if (target.aimed() && list.size() >= minTries && list.stream().noneMatch(AimedKill.Outcome::hit)) {
                never.add(target);
            }
        });
        return never;
    }
}
