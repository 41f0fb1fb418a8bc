package io.couriermq.remoting.testing;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.codec.RemotingFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Building frames by hand, byte for byte, for codec and bad-input tests. */
public final class Bytes {
    private Bytes() {}

    /** Parses hex digits; spaces are ignored; {@code "text"} in double quotes is taken as UTF-8 text. */
    public static byte[] hex(String spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                int end = spec.indexOf('"', i + 1);
                out.writeBytes(spec.substring(i + 1, end).getBytes(StandardCharsets.UTF_8));
                i = end + 1;
            } else {
                out.write(Integer.parseInt(spec.substring(i, i + 2), 16));
                i += 2;
            }
        }
        return out.toByteArray();
    }

    /** A frame with the given serialize-type byte, header and body; the lengths are computed. */
    public static byte[] frame(int serializeType, byte[] header, byte[] body) {
        ByteBuffer frame = ByteBuffer.allocate(8 + header.length + body.length);
        frame.putInt(4 + header.length + body.length);
        frame.putInt((serializeType << 24) | header.length);
        frame.put(header).put(body);
        return frame.array();
    }

    /** A JSON-type frame (serialize type 0) around a hand-written header, without body. */
    public static byte[] jsonFrame(String header) {
        return frame(0, header.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The whole frame of {@code command}, length field included. */
    public static byte[] encode(RemotingCommand command) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            RemotingFrames.encode(command, buffer);
            return ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
    }

    /** Decodes a whole frame, length field included; the length field must match the frame. */
    public static RemotingCommand decode(byte[] frame) {
        ByteBuf buffer = Unpooled.wrappedBuffer(frame);
        try {
            int length = buffer.readInt();
            if (length != buffer.readableBytes()) {
                throw new AssertionError("length field " + length + " but " + buffer.readableBytes() + " bytes follow");
            }
            return RemotingFrames.decode(buffer);
        } finally {
            buffer.release();
        }
    }
}
