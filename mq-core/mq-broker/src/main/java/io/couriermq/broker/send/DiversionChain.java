package io.couriermq.broker.send;

import io.couriermq.common.message.Message;
import java.util.List;

/** Several diversions applied in order, as one: each gets what the previous one returned. */
public final class DiversionChain implements MessageDiversion {
    private final List<MessageDiversion> steps;

    public DiversionChain(List<MessageDiversion> steps) {
        this.steps = List.copyOf(steps);
    }

    @Override
    public Message divert(Message message) {
        Message current = message;
        for (MessageDiversion step : steps) {
            current = step.divert(current);
        }
        return current;
    }
}
