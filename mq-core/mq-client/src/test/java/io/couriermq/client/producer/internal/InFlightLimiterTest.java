package io.couriermq.client.producer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.client.ClientException;
import org.junit.jupiter.api.Test;

class InFlightLimiterTest {

    @Test
    void aFullLimiterRefusesAfterTheTimeoutWithARetriableError() {
        InFlightLimiter limiter = new InFlightLimiter(2);
        limiter.acquire(10);
        limiter.acquire(10);

        assertThat(limiter.inFlight()).isEqualTo(2);
        assertThatThrownBy(() -> limiter.acquire(10))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("2 async sends are in flight")
                .satisfies(e -> assertThat(((ClientException) e).isRetriable()).isTrue());

        limiter.release();
        limiter.acquire(10);
        assertThat(limiter.inFlight()).isEqualTo(2);
    }
}
