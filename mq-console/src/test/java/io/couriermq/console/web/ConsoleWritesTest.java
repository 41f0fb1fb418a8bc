package io.couriermq.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;

/** Console writes are served with Spring Security or the explicit opt-in, and only then. */
class ConsoleWritesTest {

    @Test
    void offUnlessSpringSecurityOrTheOptIn() {
        assertThat(ConsoleWrites.decide(false, false).allowed()).isFalse();
        assertThat(ConsoleWrites.decide(true, false).allowed()).isTrue();
        assertThat(ConsoleWrites.decide(false, true).allowed()).isTrue();
        assertThat(ConsoleWrites.decide(true, true).allowed()).isTrue();
    }

    @Test
    void theRefusalSaysHowToEnableThem() {
        assertThat(ConsoleWrites.HOW_TO_ENABLE)
                .contains("courier.console.write-enabled=true")
                .contains("Spring Security");
    }

    @Test
    void withoutSpringSecurityOnTheClassPathItIsNotAssumed() {
        assertThat(ConsoleWrites.springSecurityPresent(new FilteredClassLoader(ConsoleWrites.SPRING_SECURITY_CLASS)))
                .isFalse();
        assertThat(ConsoleWrites.springSecurityPresent(getClass().getClassLoader()))
                .as("this module's tests run without Spring Security")
                .isFalse();
    }
}
