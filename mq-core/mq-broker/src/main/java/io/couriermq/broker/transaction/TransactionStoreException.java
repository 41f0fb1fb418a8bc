package io.couriermq.broker.transaction;

/** The store refused a record the transaction machinery needed (real message, op record, audit copy). */
final class TransactionStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransactionStoreException(String message) {
        super(message);
    }
}
