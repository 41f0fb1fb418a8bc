package io.couriermq.samples.quickstart;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/** A method-style listener: the payload and a header (the tag, when the sender gave one) as parameters. */
@Component
public class NoteListener {
    private final Inbox inbox;

    public NoteListener(Inbox inbox) {
        this.inbox = inbox;
    }

    // FIRST_OFFSET: a new group starts at the beginning of the topic, so the quickstart's first run misses
    // nothing sent while its listeners were still being assigned their queues (LAST_OFFSET starts at the end
    // of each queue as it is at that moment). Later runs resume where the group left off.
    @MQMessageListener(
            topic = Topics.NOTES,
            consumerGroup = "quickstart-notes-group",
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    public void onNote(@Payload String note, @Header(name = MQHeaders.TAGS, required = false) String tag) {
        inbox.record("note: " + note + (tag == null ? "" : " [tag " + tag + "]"));
    }
}
