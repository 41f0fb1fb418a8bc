package io.couriermq.broker.client;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.rpc.RequestContext;
import java.util.concurrent.atomic.AtomicReference;

/** The context of one request on a {@link FakeRemotingChannel}; keeps a later answer. */
public final class FakeRequestContext implements RequestContext {
    private final FakeRemotingChannel channel;
    private final AtomicReference<RemotingCommand> answer = new AtomicReference<>();

    public FakeRequestContext(FakeRemotingChannel channel) {
        this.channel = channel;
    }

    @Override
    public FakeRemotingChannel channel() {
        return channel;
    }

    @Override
    public void respond(RemotingCommand response) {
        if (!answer.compareAndSet(null, response)) {
            throw new IllegalStateException("answered twice: " + response);
        }
    }

    /** The answer given through {@link #respond}, or null. */
    public RemotingCommand answer() {
        return answer.get();
    }
}
