package io.couriermq.remoting.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.couriermq.remoting.testing.LogCapture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {
    private static final String LOGGER = "io.couriermq.test.RateLimitedLogTest";

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final LogCapture logs = LogCapture.of(LOGGER);
    private final RateLimitedLog log =
            new RateLimitedLog(LoggerFactory.getLogger(LOGGER), Duration.ofMinutes(1), nanos::get);

    @AfterEach
    void tearDown() {
        logs.close();
    }

    @Test
    void theFirstOccurrenceOfACauseIsLoggedAndTheRestOfTheWindowOnlyCounted() {
        for (int i = 0; i < 10_000; i++) {
            log.warn("malformed frame", "closing connection {}: bad length", i);
        }

        assertThat(logs.events())
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("closing connection 0: bad length");
    }

    @Test
    void theNextOccurrenceAfterTheWindowLogsTheCountThenItself() {
        log.warn("malformed frame", "closing connection {}", "a");
        log.warn("malformed frame", "closing connection {}", "b");
        log.warn("malformed frame", "closing connection {}", "c");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));

        log.warn("malformed frame", "closing connection {}", "d");

        assertThat(logs.events())
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "closing connection a",
                        "malformed frame: 2 more like this in the last 60 s",
                        "closing connection d");
    }

    @Test
    void infoIsLimitedTheSameWayAtItsOwnLevel() {
        for (int i = 0; i < 1_000; i++) {
            log.info("joined cg", "consumer {} joined", i);
        }
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(2));
        log.info("joined cg", "consumer {} joined", "late");

        assertThat(logs.events())
                .extracting(event -> event.getLevel() + " " + event.getFormattedMessage())
                .containsExactly(
                        "INFO consumer 0 joined",
                        "INFO joined cg: 999 more like this in the last 60 s",
                        "INFO consumer late joined");
    }

    @Test
    void eachCauseHasItsOwnWindow() {
        log.warn("tls", "tls {}", 1);
        log.warn("frame", "frame {}", 1);
        log.warn("tls", "tls {}", 2);

        assertThat(logs.events()).extracting(ILoggingEvent::getFormattedMessage).containsExactly("tls 1", "frame 1");
    }

    @Test
    void distinctCausesBeyondTheTableSizeShareOneEntry() {
        for (int i = 0; i < 10 * RateLimitedLog.MAX_CAUSES; i++) {
            log.warn("cause " + i, "line {}", i);
        }

        assertThat(logs.events()).hasSize(RateLimitedLog.MAX_CAUSES + 1);
    }

    @Test
    void aTrailingThrowableKeepsItsStackTrace() {
        log.warn("bug", "failed {}", "here", new IllegalStateException("boom"));

        assertThat(logs.events()).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).isEqualTo("failed here");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("boom");
        });
    }

    @Test
    void aWindowMustBePositive() {
        assertThatThrownBy(() -> new RateLimitedLog(LoggerFactory.getLogger(LOGGER), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window must be positive");
    }
}
