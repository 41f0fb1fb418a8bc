package io.couriermq.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.tools.bench.run.WorkBudget;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorkBudgetTest {

    @Test
    void aMessageBudgetGrantsExactlyThatMany() {
        WorkBudget budget = new WorkBudget(null, 100, () -> 0);

        assertThat(budget.claim(64)).isEqualTo(64);
        assertThat(budget.claim(64)).isEqualTo(36);
        assertThat(budget.claim(64)).isZero();
    }

    @Test
    void aTimeBudgetEndsAtItsDeadline() {
        AtomicLong now = new AtomicLong();
        WorkBudget budget = new WorkBudget(Duration.ofSeconds(1), 0, now::get);

        assertThat(budget.claim(1)).isEqualTo(1);
        now.set(Duration.ofMillis(999).toNanos());
        assertThat(budget.claim(5)).isEqualTo(5);
        now.set(Duration.ofSeconds(1).toNanos());
        assertThat(budget.timeUp()).isTrue();
        assertThat(budget.claim(1)).isZero();
    }
}
