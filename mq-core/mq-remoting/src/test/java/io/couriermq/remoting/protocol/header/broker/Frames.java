package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.codec.RemotingFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** Puts commands through the real frame codec, the way they cross the wire. */
final class Frames {
    private Frames() {}

    static RemotingCommand roundTrip(RemotingCommand command) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            RemotingFrames.encode(command, buffer);
            buffer.skipBytes(4); // the length field, stripped by the Netty frame decoder in production
            return RemotingFrames.decode(buffer);
        } finally {
            buffer.release();
        }
    }

    /** Decodes a JSON-type frame whose header is {@code headerJson}, as a client would have sent it. */
    static RemotingCommand fromJsonHeader(String headerJson) {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        ByteBuf buffer = Unpooled.buffer();
        try {
            buffer.writeInt(header.length); // serialize type 0 (JSON) in the high byte
            buffer.writeBytes(header);
            return RemotingFrames.decode(buffer);
        } finally {
            buffer.release();
        }
    }
}
