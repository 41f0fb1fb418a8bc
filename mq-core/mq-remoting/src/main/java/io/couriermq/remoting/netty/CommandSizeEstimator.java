package io.couriermq.remoting.netty;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.netty.channel.DefaultMessageSizeEstimator;
import io.netty.channel.MessageSizeEstimator;

/**
 * Sizes a command written to a channel by its body and a typical header, so that responses written
 * from processor threads count toward the write-buffer water marks when they are queued, not only once
 * the event loop has encoded them (Netty's default counts an unknown message as 8 bytes).
 */
final class CommandSizeEstimator implements MessageSizeEstimator {
    static final CommandSizeEstimator INSTANCE = new CommandSizeEstimator();

    private static final int TYPICAL_HEADER_BYTES = 256;
    private static final Handle DEFAULT = DefaultMessageSizeEstimator.DEFAULT.newHandle();
    private static final Handle HANDLE =
            message -> message instanceof RemotingCommand command ? sizeOf(command) : DEFAULT.size(message);

    private CommandSizeEstimator() {}

    /** The bytes a command takes on the wire, near enough: its body and a typical header. */
    static int sizeOf(RemotingCommand command) {
        return TYPICAL_HEADER_BYTES + command.bodyLength();
    }

    @Override
    public Handle newHandle() {
        return HANDLE;
    }
}
