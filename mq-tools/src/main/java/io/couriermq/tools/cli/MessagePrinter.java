package io.couriermq.tools.cli;

import io.couriermq.admin.message.MessageView;
import java.io.PrintWriter;
import java.util.List;

/** Messages as text: one block of fields per message, the body last. */
final class MessagePrinter {
    private MessagePrinter() {}

    static void print(PrintWriter out, List<MessageView> messages) {
        if (messages.isEmpty()) {
            out.println("no message found");
            return;
        }
        for (MessageView m : messages) {
            out.println("msgId:          " + m.msgId());
            out.println("offsetMsgId:    " + m.offsetMsgId());
            out.println("topic:          " + m.topic());
            out.println("queue:          " + m.brokerName() + " / " + m.queueId() + " @ " + m.queueOffset());
            out.println("commitLogOffset " + m.commitLogOffset());
            out.println("tags:           " + (m.tags() == null ? "" : m.tags()));
            out.println("keys:           " + String.join(" ", m.keys()));
            out.println("born:           " + Output.time(m.bornTimestampMs()) + " at " + m.bornHost());
            out.println("stored:         " + Output.time(m.storeTimestampMs()) + " at " + m.storeHost());
            out.println("reconsumeTimes: " + m.reconsumeTimes());
            out.println("properties:     " + m.properties());
            out.println("body:           " + m.bodyText());
            out.println();
        }
    }
}
