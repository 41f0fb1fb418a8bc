package io.couriermq.common.message.codec;

import io.couriermq.common.message.MessageProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SEND_BATCH_MESSAGE body (remoting-protocol §4.6): TOTALSIZE 4 | MAGICCODE 4 (0, ignored) |
 * BODYCRC 4 (0, ignored) | FLAG 4 | BODYLENGTH 4 + BODY | PROPERTIESLENGTH 2 + PROPERTIES, repeated.
 */
public final class BatchCodec {
    private static final int FIXED_BYTES = 4 + 4 + 4 + 4 + 4 + 2;

    private BatchCodec() {}

    /**
     * The entries of a batch body. Their bodies are views into {@code body} (not copies), so the caller
     * must leave its bytes unchanged while it uses the entries.
     */
    public static List<BatchEntry> decode(ByteBuffer body) {
        List<BatchEntry> entries = new ArrayList<>();
        ByteBuffer in = body.duplicate();
        while (in.hasRemaining()) {
            entries.add(decodeOne(in, entries.size()));
        }
        return entries;
    }

    public static ByteBuffer encode(List<BatchEntry> entries) {
        List<byte[]> properties = new ArrayList<>(entries.size());
        int size = 0;
        for (BatchEntry entry : entries) {
            byte[] text = MessageProperties.encode(entry.properties()).getBytes(StandardCharsets.UTF_8);
            properties.add(text);
            size += FIXED_BYTES + entry.bodyLength() + text.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (int i = 0; i < entries.size(); i++) {
            ByteBuffer entryBody = entries.get(i).bodyView();
            byte[] text = properties.get(i);
            out.putInt(FIXED_BYTES + entryBody.remaining() + text.length)
                    .putInt(0)
                    .putInt(0);
            out.putInt(entries.get(i).flag()).putInt(entryBody.remaining()).put(entryBody);
            out.putShort((short) text.length).put(text);
        }
        return out.flip();
    }

    private static BatchEntry decodeOne(ByteBuffer in, int index) {
        int start = in.position();
        if (in.remaining() < FIXED_BYTES) {
            throw new MalformedRecordException("batch entry " + index + " at byte " + start + " is truncated");
        }
        int totalSize = in.getInt();
        in.getInt(); // magic: producers write 0
        in.getInt(); // body CRC: producers write 0, the store computes its own
        int flag = in.getInt();
        ByteBuffer body = view(in, in.getInt(), index);
        // the fixed-size check above counted the properties length, but a body can take those bytes
        if (in.remaining() < 2) {
            throw new MalformedRecordException(
                    "batch entry " + index + " at byte " + start + " is truncated before its properties length");
        }
        ByteBuffer properties = view(in, Short.toUnsignedInt(in.getShort()), index);
        if (in.position() - start != totalSize) {
            throw new MalformedRecordException(
                    "batch entry " + index + " declares " + totalSize + " bytes but has " + (in.position() - start));
        }
        return BatchEntry.viewing(flag, body, MessageProperties.decode(utf8(properties)));
    }

    private static String utf8(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            return new String(
                    bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(), StandardCharsets.UTF_8);
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(bytes.position(), copy);
        return new String(copy, StandardCharsets.UTF_8);
    }

    /** The next {@code length} bytes as a view (no copy), skipped in {@code in}. */
    private static ByteBuffer view(ByteBuffer in, int length, int index) {
        if (length < 0 || length > in.remaining()) {
            throw new MalformedRecordException(
                    "batch entry " + index + " has a field of " + length + " bytes with " + in.remaining() + " left");
        }
        ByteBuffer bytes = in.slice(in.position(), length);
        in.position(in.position() + length);
        return bytes;
    }
}
