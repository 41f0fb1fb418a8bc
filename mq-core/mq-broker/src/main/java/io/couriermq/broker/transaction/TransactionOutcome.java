package io.couriermq.broker.transaction;

/** How a half message was resolved; recorded in its op record and never changed afterwards. */
public enum TransactionOutcome {
    COMMITTED("committed"),
    ROLLED_BACK("rolled back"),
    /** Checked transactionCheckMax times without an answer: moved to the audit topic. */
    DISCARDED("discarded after too many check-backs");

    private final String description;

    TransactionOutcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
