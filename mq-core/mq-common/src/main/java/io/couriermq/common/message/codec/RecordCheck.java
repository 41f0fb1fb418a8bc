package io.couriermq.common.message.codec;

/**
 * What {@link RecordValidator} found at a position.
 *
 * @param kind what the bytes are
 * @param sizeBytes bytes taken by a record or blank marker; 0 otherwise
 * @param detail why the bytes are corrupt, for logs; empty otherwise
 */
public record RecordCheck(Kind kind, int sizeBytes, String detail) {

    /** What the bytes at a position are. */
    public enum Kind {
        /** A complete, well-formed record. */
        RECORD,
        /** The blank marker that fills the rest of a commit-log file. */
        BLANK,
        /** Zeros or too few bytes: nothing was written here. */
        END_OF_DATA,
        /** Bytes that are neither: a torn or damaged write. */
        CORRUPT
    }

    static RecordCheck record(int sizeBytes) {
        return new RecordCheck(Kind.RECORD, sizeBytes, "");
    }

    static RecordCheck blank(int sizeBytes) {
        return new RecordCheck(Kind.BLANK, sizeBytes, "");
    }

    static RecordCheck endOfData() {
        return new RecordCheck(Kind.END_OF_DATA, 0, "");
    }

    static RecordCheck corrupt(String detail) {
        return new RecordCheck(Kind.CORRUPT, 0, detail);
    }
}
