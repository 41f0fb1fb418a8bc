package io.couriermq.common.message.codec;

import java.nio.ByteBuffer;

/**
 * Decides whether bytes hold a whole, well-formed record: recovery walks the commit log with it, and
 * every field length is checked against the record size before it is trusted.
 */
public final class RecordValidator {
    private RecordValidator() {}

    /**
     * Checks the bytes at absolute index {@code start}; bytes at or past {@code limit} are not part of the
     * data (end of the file).
     */
    public static RecordCheck check(ByteBuffer buffer, int start, int limit, boolean verifyCrc) {
        int available = limit - start;
        if (available < RecordLayout.BLANK_MARKER_BYTES) {
            return RecordCheck.endOfData();
        }
        int size = buffer.getInt(start + RecordLayout.TOTAL_SIZE_OFFSET);
        int magic = buffer.getInt(start + RecordLayout.MAGIC_OFFSET);
        if (size == 0 && magic == 0) {
            return RecordCheck.endOfData();
        }
        if (magic == RecordLayout.BLANK_MAGIC) {
            return size == available
                    ? RecordCheck.blank(size)
                    : RecordCheck.corrupt("blank marker of " + size + " bytes with " + available + " left");
        }
        if (RecordLayout.topicLengthBytes(magic) < 0) {
            return RecordCheck.corrupt("unknown magic " + Integer.toHexString(magic));
        }
        if (size < RecordLayout.BORN_HOST_OFFSET || size > available) {
            return RecordCheck.corrupt("size " + size + " outside 48.." + available);
        }
        String shape = checkShape(RecordView.at(buffer, start), start + size);
        if (shape != null) {
            return RecordCheck.corrupt(shape);
        }
        if (verifyCrc) {
            RecordView view = RecordView.at(buffer, start);
            if (view.computeBodyCrc() != view.bodyCrc()) {
                return RecordCheck.corrupt("body CRC mismatch");
            }
        }
        return RecordCheck.record(size);
    }

    /** Walks the variable-length fields; returns why they do not add up to the record end, or null. */
    private static String checkShape(RecordView view, int end) {
        int bodyLengthIndex = view.bodyStart() - 4;
        if (bodyLengthIndex + 4 > end) {
            return "header longer than the record";
        }
        int bodyLength = view.bodyLength();
        if (bodyLength < 0 || view.bodyStart() + (long) bodyLength + 3 > end) {
            return "body length " + bodyLength + " runs past the record";
        }
        int topicIndex = view.topicLengthIndex();
        if (topicIndex + RecordLayout.topicLengthBytes(view.magic()) + 2 > end) {
            return "topic length runs past the record";
        }
        int propertiesIndex = view.propertiesLengthIndex();
        if (propertiesIndex + 2 > end) {
            return "topic runs past the record";
        }
        int propertiesLength = Short.toUnsignedInt(view.shortAt(propertiesIndex));
        if (propertiesIndex + 2 + propertiesLength != end) {
            return "fields end at " + (propertiesIndex + 2 + propertiesLength) + ", record at " + end;
        }
        return null;
    }
}
