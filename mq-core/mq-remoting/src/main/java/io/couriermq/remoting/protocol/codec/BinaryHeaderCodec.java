package io.couriermq.remoting.protocol.codec;

import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The binary ROCKETMQ header (serialize type 1). Layout, big-endian: code int16, language int8,
 * version int16, opaque int32, flag int32, remark (int32 length + UTF-8), ext fields (int32 total
 * length, then entries of int16 key length + key + int32 value length + value). A zero length means
 * null. Every length is checked against what is left before anything is allocated.
 */
public final class BinaryHeaderCodec {
    private static final int FIXED_PART_BYTES = 2 + 1 + 2 + 4 + 4;

    private BinaryHeaderCodec() {}

    public static int encode(RemotingCommand command, ByteBuf out) {
        if (command.code() > Short.MAX_VALUE || command.code() < Short.MIN_VALUE) {
            throw new IllegalArgumentException(
                    "code " + command.code() + " does not fit the ROCKETMQ header; use JSON serialization");
        }
        int start = out.writerIndex();
        out.writeShort(command.code());
        out.writeByte(command.language().code());
        out.writeShort(command.version());
        out.writeInt(command.opaque());
        out.writeInt(command.flag());
        writeIntLengthString(out, command.remark());
        int extLengthIndex = out.writerIndex();
        out.writeInt(0);
        for (Map.Entry<String, String> field : command.extFields().entrySet()) {
            byte[] key = field.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = field.getValue().getBytes(StandardCharsets.UTF_8);
            out.writeShort(key.length);
            out.writeBytes(key);
            out.writeInt(value.length);
            out.writeBytes(value);
        }
        out.setInt(extLengthIndex, out.writerIndex() - extLengthIndex - 4);
        return out.writerIndex() - start;
    }

    /** Parses exactly {@code length} header bytes at the reader index of {@code in}, consuming them. */
    public static RemotingCommand.Builder decode(ByteBuf in, int length) {
        ByteBuf header = in.readSlice(length);
        if (header.readableBytes() < FIXED_PART_BYTES + 8) {
            throw new RemotingDecodingException(
                    "ROCKETMQ header of " + length + " bytes is shorter than its fixed part");
        }
        int code = header.readShort();
        LanguageCode language = LanguageCode.ofCode(header.readByte());
        int version = header.readShort();
        int opaque = header.readInt();
        int flag = header.readInt();
        String remark = readIntLengthString(header, "remark");
        Map<String, String> extFields = readExtFields(header);
        if (header.isReadable()) {
            throw new RemotingDecodingException(
                    "ROCKETMQ header has " + header.readableBytes() + " bytes after its ext fields");
        }
        return RemotingCommand.decoded(code, opaque, flag)
                .language(language)
                .version(version)
                .remark(remark)
                .extFields(extFields);
    }

    private static Map<String, String> readExtFields(ByteBuf header) {
        int extLength = readLength(header, 4, "ext fields");
        if (extLength == 0) {
            return null;
        }
        ByteBuf entries = header.readSlice(extLength);
        Map<String, String> fields = new HashMap<>();
        while (entries.isReadable()) {
            String key = readString(entries, readLength(entries, 2, "ext key"));
            String value = readString(entries, readLength(entries, 4, "ext value of '" + key + "'"));
            if (key != null && value != null) {
                fields.put(key, value);
            }
        }
        return fields;
    }

    private static void writeIntLengthString(ByteBuf out, String text) {
        if (text == null || text.isEmpty()) {
            out.writeInt(0);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
    }

    private static String readIntLengthString(ByteBuf in, String what) {
        return readString(in, readLength(in, 4, what));
    }

    /** Reads a 2- or 4-byte length and checks that that many bytes follow. */
    private static int readLength(ByteBuf in, int width, String what) {
        if (in.readableBytes() < width) {
            throw new RemotingDecodingException("ROCKETMQ header truncated before the length of " + what);
        }
        int length = width == 2 ? in.readUnsignedShort() : in.readInt();
        if (length < 0 || length > in.readableBytes()) {
            throw new RemotingDecodingException("ROCKETMQ header: length " + length + " of " + what + " exceeds the "
                    + in.readableBytes() + " bytes left");
        }
        return length;
    }

    private static String readString(ByteBuf in, int length) {
        if (length == 0) {
            return null;
        }
        return in.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }
}
