package io.couriermq.samples.quickstart;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQListener;
import org.springframework.stereotype.Component;

/** A class-style listener: the payload type comes from {@code MQListener<Greeting>}, read from JSON. */
@Component
@MQMessageListener(
        topic = Topics.GREETINGS,
        consumerGroup = "quickstart-greetings-group",
        consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
public class GreetingListener implements MQListener<Greeting> {
    private final Inbox inbox;

    public GreetingListener(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void onMessage(Greeting greeting) {
        inbox.record("greeting: " + greeting.text() + " from " + greeting.from());
    }
}
