package io.couriermq.tools.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoakLedgerTest {
    private final SoakLedger ledger = new SoakLedger();

    @Test
    void everyPromiseKeptHasNoViolations() {
        ledger.acknowledged(1, MessageKind.NORMAL);
        ledger.acknowledged(4, MessageKind.TX_ROLLBACK);
        ledger.consumed(1);
        ledger.consumed(1); // a redelivery after a consumer restart is no violation

        assertThat(ledger.violations()).isEmpty();
        assertThat(ledger.deliveries()).isEqualTo(2);
        assertThat(ledger.outstanding()).isZero();
    }

    @Test
    void aDeliveryBeforeItsAcknowledgementCounts() {
        ledger.consumed(3);
        ledger.acknowledged(3, MessageKind.TX_COMMIT);

        assertThat(ledger.violations()).isEmpty();
    }

    @Test
    void missingRolledBackAndCorruptMessagesAreEachNamed() {
        ledger.acknowledged(1, MessageKind.NORMAL);
        ledger.acknowledged(2, MessageKind.TIMER);
        ledger.acknowledged(25, MessageKind.TX_CHECK_ROLLBACK);
        ledger.consumed(1);
        ledger.consumed(25);
        ledger.corrupt();

        assertThat(ledger.outstanding()).isEqualTo(1);
        assertThat(ledger.violations())
                .containsExactly(
                        "1 acknowledged message(s) never consumed, e.g. 2 (TIMER)",
                        "1 rolled-back transactional message(s) delivered, e.g. ids [25]",
                        "1 delivered message(s) failed their body checksum");
    }

    @Test
    void theKindMixCoversEveryKind() {
        assertThat(java.util.stream.LongStream.range(0, 2 * MessageKind.CYCLE).mapToObj(MessageKind::of))
                .containsAll(java.util.EnumSet.allOf(MessageKind.class));
    }

    @Test
    void aBodyCarriesItsRunIdAndIdAndADamagedOneIsDetected() {
        byte[] body = SoakBody.encode(42, 7, 64);

        assertThat(body).hasSize(64);
        assertThat(SoakBody.runId(body)).hasValue(42);
        assertThat(SoakBody.id(body)).isEqualTo(7);
        assertThat(SoakBody.intact(body)).isTrue();
        body[30] ^= 1;
        assertThat(SoakBody.intact(body)).isFalse();
        assertThat(SoakBody.runId(new byte[3])).isEmpty();
    }
}
