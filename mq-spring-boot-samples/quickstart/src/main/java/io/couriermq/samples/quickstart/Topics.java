package io.couriermq.samples.quickstart;

/** The quickstart's topics, shared by the senders and the listener annotations. */
final class Topics {
    /** {@link Greeting}s, as JSON. */
    static final String GREETINGS = "quickstart-greetings";
    /** Plain strings, some with a tag. */
    static final String NOTES = "quickstart-notes";
    /** Requests answered by {@link EchoListener}. */
    static final String REQUESTS = "quickstart-requests";

    private Topics() {}
}
