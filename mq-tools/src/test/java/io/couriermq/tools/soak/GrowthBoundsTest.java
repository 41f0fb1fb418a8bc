package io.couriermq.tools.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GrowthBoundsTest {
    private static final long MB = 1 << 20;
    private static final GrowthBounds BOUNDS = new GrowthBounds(20, 64 * MB, 20, 50);

    @Test
    void flatFiguresPass() {
        GrowthBounds.Judgement judgement = BOUNDS.judge(samples(i -> 500 * MB, i -> 100, i -> 300));

        assertThat(judgement.violations()).isEmpty();
        assertThat(judgement.unjudged()).containsExactly("heap after GC", "direct memory");
    }

    @Test
    void rssGrowingBeyondPercentAndSlackFails() {
        // first third 500 MB, last third 700 MB: +40 %, +200 MB
        GrowthBounds.Judgement judgement =
                BOUNDS.judge(samples(i -> (i < 3 ? 500 : i < 6 ? 600 : 700) * MB, i -> 100, i -> 300));

        assertThat(judgement.violations())
                .singleElement()
                .asString()
                .startsWith("anonymous RSS grew 40.0% (500.0 MB -> 700.0 MB, mean of first vs last third)");
    }

    @Test
    void growthWithinTheSlackPassesEvenWhenThePercentIsLarge() {
        // 100 MB -> 150 MB: +50 %, but only 50 MB, under the 64 MB slack
        assertThat(BOUNDS.judge(samples(i -> (i < 3 ? 100 : 150) * MB, i -> 100, i -> 300))
                        .violations())
                .isEmpty();
        // 1000 MB -> 1150 MB: +150 MB over the slack, but only 15 %
        assertThat(BOUNDS.judge(samples(i -> (i < 3 ? 1000 : 1150) * MB, i -> 100, i -> 300))
                        .violations())
                .isEmpty();
    }

    @Test
    void threadsAndFilesGrowingBeyondTheirBoundsFail() {
        GrowthBounds.Judgement judgement =
                BOUNDS.judge(samples(i -> 500 * MB, i -> 100 + i * 5, i -> i < 6 ? 300 : 351));

        assertThat(judgement.violations())
                .containsExactly(
                        "threads grew by 30.0 (105.0 -> 135.0, mean of first vs last third), bound +20",
                        "open files grew by 51.0 (300.0 -> 351.0, mean of first vs last third), bound +50");
    }

    @Test
    void fewerThanThreeIntervalsAreNotJudged() {
        List<NodeResources> two = List.of(
                new NodeResources(1L, null, null, null, 1L, 1L),
                new NodeResources(1000 * MB, null, null, null, 999L, 999L));

        GrowthBounds.Judgement judgement = BOUNDS.judge(two);

        assertThat(judgement.violations()).isEmpty();
        assertThat(judgement.unjudged())
                .containsExactly("anonymous RSS", "heap after GC", "direct memory", "threads", "open files");
    }

    @Test
    void negativeBoundsAreRefused() {
        assertThatThrownBy(() -> new GrowthBounds(-1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    /** Nine intervals; each figure as a function of the interval index. */
    private static List<NodeResources> samples(
            java.util.function.LongUnaryOperator rss,
            java.util.function.LongUnaryOperator threads,
            java.util.function.LongUnaryOperator files) {
        return LongStream.range(0, 9)
                .mapToObj(i -> new NodeResources(
                        rss.applyAsLong(i), null, null, null, files.applyAsLong(i), threads.applyAsLong(i)))
                .toList();
    }
}
