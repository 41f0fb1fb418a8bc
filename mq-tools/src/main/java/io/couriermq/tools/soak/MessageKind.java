package io.couriermq.tools.soak;

/**
 * What a soak message exercises, chosen from its id so the mix is the same at every rate: one in
 * {@value #CYCLE} each is delayed by level, timed, committed, rolled back, and left for the check-back.
 */
enum MessageKind {
    NORMAL(true),
    DELAY_LEVEL(true),
    TIMER(true),
    TX_COMMIT(true),
    TX_ROLLBACK(false),
    /** The local transaction answers UNKNOWN; the broker's check-back commits it. */
    TX_CHECK_COMMIT(true),
    /** The local transaction answers UNKNOWN; the broker's check-back rolls it back. */
    TX_CHECK_ROLLBACK(false);

    static final int CYCLE = 20;

    private final boolean delivered;

    MessageKind(boolean delivered) {
        this.delivered = delivered;
    }

    /** Whether an acknowledged message of this kind must reach the consumers (else it must never). */
    boolean delivered() {
        return delivered;
    }

    boolean transactional() {
        return name().startsWith("TX_");
    }

    static MessageKind of(long id) {
        return switch ((int) (id % CYCLE)) {
            case 1 -> DELAY_LEVEL;
            case 2 -> TIMER;
            case 3 -> TX_COMMIT;
            case 4 -> TX_ROLLBACK;
            case 5 -> (id / CYCLE) % 2 == 0 ? TX_CHECK_COMMIT : TX_CHECK_ROLLBACK;
            default -> NORMAL;
        };
    }
}
