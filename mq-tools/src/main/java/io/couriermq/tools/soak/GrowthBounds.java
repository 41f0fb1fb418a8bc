package io.couriermq.tools.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How much the node may grow over a run. Each figure's mean over the last third of the intervals is
 * compared with its mean over the first third: memory (anonymous RSS, heap after GC, direct) fails when it grew by
 * more than {@code maxMemoryGrowthPercent} AND by more than {@code memorySlackBytes} (small absolute
 * growth is noise: warm-up, a lazily sized pool); threads and open files fail when they grew by more than
 * {@code maxThreadGrowth} / {@code maxFileGrowth}. Fewer than {@value #MIN_INTERVALS} intervals with a
 * figure leave it unjudged.
 */
record GrowthBounds(double maxMemoryGrowthPercent, long memorySlackBytes, long maxThreadGrowth, long maxFileGrowth) {
    static final int MIN_INTERVALS = 3;

    GrowthBounds {
        if (maxMemoryGrowthPercent < 0 || memorySlackBytes < 0 || maxThreadGrowth < 0 || maxFileGrowth < 0) {
            throw new IllegalArgumentException("growth bounds must not be negative");
        }
    }

    /** The judgement over {@code samples}, in order. */
    Judgement judge(List<NodeResources> samples) {
        List<String> violations = new ArrayList<>();
        List<String> unjudged = new ArrayList<>();
        memory("anonymous RSS", samples, NodeResources::anonRssBytes, violations, unjudged);
        memory("heap after GC", samples, NodeResources::heapAfterGcBytes, violations, unjudged);
        memory("direct memory", samples, NodeResources::directBytes, violations, unjudged);
        count("threads", samples, NodeResources::threads, maxThreadGrowth, violations, unjudged);
        count("open files", samples, NodeResources::openFiles, maxFileGrowth, violations, unjudged);
        return new Judgement(violations, unjudged);
    }

    private void memory(
            String name,
            List<NodeResources> samples,
            Function<NodeResources, Long> figure,
            List<String> violations,
            List<String> unjudged) {
        Thirds thirds = Thirds.of(samples, figure);
        if (thirds == null) {
            unjudged.add(name);
            return;
        }
        double growth = thirds.last - thirds.first;
        double percent = thirds.first > 0 ? growth * 100 / thirds.first : (growth > 0 ? Double.POSITIVE_INFINITY : 0);
        if (percent > maxMemoryGrowthPercent && growth > memorySlackBytes) {
            violations.add(String.format(
                    java.util.Locale.ROOT,
                    "%s grew %.1f%% (%.1f MB -> %.1f MB, mean of first vs last third), bound %.1f%% and %d MB",
                    name,
                    percent,
                    thirds.first / 1048576.0,
                    thirds.last / 1048576.0,
                    maxMemoryGrowthPercent,
                    memorySlackBytes / 1048576));
        }
    }

    private static void count(
            String name,
            List<NodeResources> samples,
            Function<NodeResources, Long> figure,
            long bound,
            List<String> violations,
            List<String> unjudged) {
        Thirds thirds = Thirds.of(samples, figure);
        if (thirds == null) {
            unjudged.add(name);
            return;
        }
        double growth = thirds.last - thirds.first;
        if (growth > bound) {
            violations.add(String.format(
                    java.util.Locale.ROOT,
                    "%s grew by %.1f (%.1f -> %.1f, mean of first vs last third), bound +%d",
                    name,
                    growth,
                    thirds.first,
                    thirds.last,
                    bound));
        }
    }

    /** What exceeded a bound, and which figures had too few intervals to judge. */
    record Judgement(List<String> violations, List<String> unjudged) {}

    private record Thirds(double first, double last) {
        static Thirds of(List<NodeResources> samples, Function<NodeResources, Long> figure) {
            List<Long> values =
                    samples.stream().map(figure).filter(Objects::nonNull).toList();
            if (values.size() < MIN_INTERVALS) {
                return null;
            }
            int third = values.size() / 3;
            return new Thirds(
                    mean(values.subList(0, third)), mean(values.subList(values.size() - third, values.size())));
        }

        private static double mean(List<Long> values) {
            return values.stream().mapToLong(Long::longValue).average().orElse(0);
        }
    }
}
