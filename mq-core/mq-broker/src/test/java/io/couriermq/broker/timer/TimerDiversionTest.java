package io.couriermq.broker.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.broker.send.SendRejection;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.Test;

class TimerDiversionTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final long MAX_DELAY_SEC = 259_200;

    private final ManualClock clock = new ManualClock(NOW);
    private final TimerDiversion diversion = new TimerDiversion(clock, MAX_DELAY_SEC);

    @Test
    void anAbsoluteDeliveryTimeIsParkedWithItsDestination() {
        Message parked = diversion.divert(message(MessageConst.TIMER_DELIVER_MS, NOW + 3_000));

        assertThat(parked.topic()).isEqualTo(TimerTopic.NAME);
        assertThat(parked.queueId()).isZero();
        assertThat(parked.property(MessageConst.REAL_TOPIC)).isEqualTo("Orders");
        assertThat(parked.property(MessageConst.REAL_QUEUE_ID)).isEqualTo("3");
        assertThat(parked.property(MessageConst.TIMER_OUT_MS)).isEqualTo(String.valueOf(NOW + 3_000));
        assertThat(parked.property(MessageConst.TIMER_DELIVER_MS)).isEqualTo(String.valueOf(NOW + 3_000));
    }

    @Test
    void relativeDelaysCountFromArrival() {
        assertThat(diversion.divert(message(MessageConst.TIMER_DELAY_SEC, 7)).property(MessageConst.TIMER_OUT_MS))
                .isEqualTo(String.valueOf(NOW + 7_000));
        assertThat(diversion.divert(message(MessageConst.TIMER_DELAY_MS, 1_500)).property(MessageConst.TIMER_OUT_MS))
                .isEqualTo(String.valueOf(NOW + 1_500));
    }

    @Test
    void aDueTimeNowOrInThePastIsStoredNormally() {
        Message now = message(MessageConst.TIMER_DELIVER_MS, NOW);
        Message past = message(MessageConst.TIMER_DELIVER_MS, NOW - 60_000);

        assertThat(diversion.divert(now)).isSameAs(now);
        assertThat(diversion.divert(past)).isSameAs(past);
    }

    @Test
    void theMaximumDelayIsAcceptedAndOneMillisecondMoreRefused() {
        assertThat(diversion
                        .divert(message(MessageConst.TIMER_DELAY_SEC, MAX_DELAY_SEC))
                        .topic())
                .isEqualTo(TimerTopic.NAME);

        assertThatThrownBy(
                        () -> diversion.divert(message(MessageConst.TIMER_DELIVER_MS, NOW + MAX_DELAY_SEC * 1000 + 1)))
                .isInstanceOfSatisfying(
                        SendRejection.class, e -> assertThat(e.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL))
                .hasMessageContaining("max delay of 259200000 ms")
                .hasMessageContaining("Orders");
        assertThatThrownBy(() -> diversion.divert(message(MessageConst.TIMER_DELAY_SEC, Long.MAX_VALUE)))
                .isInstanceOf(SendRejection.class);
    }

    @Test
    void aValueThatIsNotANumberIsRefusedNamingTheProperty() {
        Message bad = Message.builder("Orders", 0)
                .property(MessageConst.TIMER_DELAY_SEC, "soon")
                .build();

        assertThatThrownBy(() -> diversion.divert(bad))
                .isInstanceOfSatisfying(
                        SendRejection.class, e -> assertThat(e.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL))
                .hasMessageContaining("TIMER_DELAY_SEC")
                .hasMessageContaining("soon");
    }

    @Test
    void aDelayLevelOrAHalfMessageIsNotTimed() {
        Message leveled = Message.builder("Orders", 0)
                .property(MessageConst.DELAY_TIME_LEVEL, "2")
                .property(MessageConst.TIMER_DELAY_SEC, "5")
                .build();
        Message half = Message.builder("Orders", 0)
                .sysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE)
                .property(MessageConst.TIMER_DELAY_SEC, "5")
                .build();
        Message plain = Message.builder("Orders", 0).build();

        assertThat(diversion.divert(leveled)).isSameAs(leveled);
        assertThat(diversion.divert(half)).isSameAs(half);
        assertThat(diversion.divert(plain)).isSameAs(plain);
    }

    private static Message message(String property, long value) {
        return Message.builder("Orders", 3)
                .property(property, String.valueOf(value))
                .build();
    }
}
