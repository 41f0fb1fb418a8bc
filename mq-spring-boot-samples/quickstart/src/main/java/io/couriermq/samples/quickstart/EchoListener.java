package io.couriermq.samples.quickstart;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQReplyListener;
import org.springframework.stereotype.Component;

/** Answers requests: what {@code onMessage} returns goes back to the {@code sendAndReceive} caller. */
@Component
@MQMessageListener(
        topic = Topics.REQUESTS,
        consumerGroup = "quickstart-requests-group",
        consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
public class EchoListener implements MQReplyListener<String, String> {
    private final Inbox inbox;

    public EchoListener(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public String onMessage(String request) {
        inbox.record("request: " + request);
        return "pong to " + request;
    }
}
