package io.couriermq.remoting.protocol.codec;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;

/**
 * The frame around a command. On the wire, big-endian:
 *
 * <pre>
 * | length int32 | serializeType int8 | headerLength int24 | header | body |
 *   length = 4 + headerLength + bodyLength (the bytes after the length field)
 * </pre>
 *
 * The length field itself is handled by the Netty frame decoder; {@link #decode} gets the rest.
 */
public final class RemotingFrames {
    /** The length field plus the header-length field. */
    public static final int PREFIX_BYTES = 8;

    private static final int MAX_HEADER_LENGTH = 0xFFFFFF;

    private RemotingFrames() {}

    /**
     * Writes the whole frame of {@code command}, length field included, to {@code out}. A buffer body is
     * copied here; the network path uses {@link #encodeHead} and sends the buffers as they are.
     */
    public static void encode(RemotingCommand command, ByteBuf out) {
        encodeHead(command, out);
        if (command.bufferBody() != null) {
            command.bufferBody().buffers().forEach(out::writeBytes);
        } else {
            out.writeBytes(command.body());
        }
    }

    /**
     * Writes everything of the frame but the body: the length field (which counts the body), the
     * header-length field and the header.
     */
    public static void encodeHead(RemotingCommand command, ByteBuf out) {
        int start = out.writerIndex();
        out.writeZero(PREFIX_BYTES);
        int headerLength = command.serializeType() == SerializeType.ROCKETMQ
                ? BinaryHeaderCodec.encode(command, out)
                : JsonHeaderCodec.encode(command, out);
        if (headerLength > MAX_HEADER_LENGTH) {
            throw new IllegalArgumentException("header of " + headerLength + " bytes exceeds the 16 MiB field");
        }
        out.setInt(start, 4 + headerLength + command.bodyLength());
        out.setInt(start + 4, (command.serializeType().code() << 24) | headerLength);
    }

    /**
     * Decodes one frame whose length field has already been stripped. Consumes the frame. Throws
     * {@link RemotingDecodingException} when the frame is not a valid command.
     */
    public static RemotingCommand decode(ByteBuf frame) {
        if (frame.readableBytes() < 4) {
            throw new RemotingDecodingException(
                    "frame of " + frame.readableBytes() + " bytes is too short for the header-length field");
        }
        int meta = frame.readInt();
        int typeCode = (meta >>> 24) & 0xFF;
        int headerLength = meta & MAX_HEADER_LENGTH;
        SerializeType type = SerializeType.ofCode(typeCode);
        if (type == null) {
            throw new RemotingDecodingException("unknown serialize type " + typeCode);
        }
        if (headerLength > frame.readableBytes()) {
            throw new RemotingDecodingException("header length " + headerLength + " exceeds the "
                    + frame.readableBytes() + " bytes left in the frame");
        }
        RemotingCommand.Builder command;
        if (type == SerializeType.JSON) {
            command = JsonHeaderCodec.decode(frame, headerLength);
            frame.skipBytes(headerLength);
        } else {
            command = BinaryHeaderCodec.decode(frame, headerLength);
        }
        byte[] body = null;
        if (frame.isReadable()) {
            body = new byte[frame.readableBytes()];
            frame.readBytes(body);
        }
        return command.serializeType(type).body(body).build();
    }
}
