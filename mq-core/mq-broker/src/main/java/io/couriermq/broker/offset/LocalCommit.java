package io.couriermq.broker.offset;

/**
 * An offset a client committed on this broker (a slave) after its last sync with the master and beyond
 * the master's: kept here and handed back to the master.
 *
 * @param committedAtMs when the client committed it, by this broker's clock
 */
public record LocalCommit(String group, String topic, int queueId, long offset, long committedAtMs) {

    /**
     * The UPDATE_CONSUMER_OFFSET ext field that makes a commit a hand-back (its value: {@code
     * committedAtMs}). Official clients never send it, so their commits keep their meaning.
     */
    public static final String HAND_BACK_FIELD = "handBackCommitTimeMs";
}
