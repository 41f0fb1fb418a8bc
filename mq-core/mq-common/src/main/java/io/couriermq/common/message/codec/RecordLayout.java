package io.couriermq.common.message.codec;

import io.couriermq.common.message.MessageSysFlag;

/**
 * The stored-message record layout (remoting-protocol §4.1), big-endian. This class and its siblings in
 * this package are the only code that knows byte offsets; everything else asks them.
 *
 * <pre>
 *  0 TOTALSIZE 4 | 4 MAGICCODE 4 | 8 BODYCRC 4 | 12 QUEUEID 4 | 16 FLAG 4 | 20 QUEUEOFFSET 8
 * 28 PHYSICALOFFSET 8 | 36 SYSFLAG 4 | 40 BORNTIMESTAMP 8 | 48 BORNHOST 8 or 20
 *  then STORETIMESTAMP 8 | STOREHOST 8 or 20 | RECONSUMETIMES 4 | PREPAREDTRANSACTIONOFFSET 8
 *  | BODYLENGTH 4 + BODY | TOPICLENGTH 1 (V1) or 2 (V2) + TOPIC | PROPERTIESLENGTH 2 + PROPERTIES
 * </pre>
 *
 * A commit-log file ends with a blank marker (TOTALSIZE = bytes left in the file, MAGICCODE = {@link
 * #BLANK_MAGIC}) when the next record does not fit.
 */
public final class RecordLayout {
    /** Magic of records whose topic length is one byte (topics up to 127 bytes; every client reads it). */
    public static final int MAGIC_V1 = 0xDAA320A7;
    /** Magic of records whose topic length is two bytes (5.x clients only). */
    public static final int MAGIC_V2 = 0xDAA320AB;
    /** Marks the unused tail of a commit-log file. Never sent to clients. */
    public static final int BLANK_MAGIC = 0xCBD43194;

    public static final int TOTAL_SIZE_OFFSET = 0;
    public static final int MAGIC_OFFSET = 4;
    public static final int BODY_CRC_OFFSET = 8;
    public static final int QUEUE_ID_OFFSET = 12;
    public static final int FLAG_OFFSET = 16;
    public static final int QUEUE_OFFSET_OFFSET = 20;
    public static final int PHYSICAL_OFFSET_OFFSET = 28;
    public static final int SYS_FLAG_OFFSET = 36;
    public static final int BORN_TIMESTAMP_OFFSET = 40;
    public static final int BORN_HOST_OFFSET = 48;

    public static final int IPV4_HOST_BYTES = 4 + 4;
    public static final int IPV6_HOST_BYTES = 16 + 4;
    /** Size + magic: the room a file must always keep for its blank marker. */
    public static final int BLANK_MARKER_BYTES = 8;

    public static final int MAX_V1_TOPIC_BYTES = 127;
    public static final int MAX_TOPIC_BYTES = Short.MAX_VALUE;
    public static final int MAX_PROPERTIES_BYTES = Short.MAX_VALUE;

    private static final int STORE_TIMESTAMP_BYTES = 8;
    private static final int RECONSUME_TIMES_BYTES = 4;
    private static final int PREPARED_TX_OFFSET_BYTES = 8;
    private static final int BODY_LENGTH_BYTES = 4;
    private static final int PROPERTIES_LENGTH_BYTES = 2;

    private RecordLayout() {}

    public static int bornHostBytes(int sysFlag) {
        return (sysFlag & MessageSysFlag.BORNHOST_V6) != 0 ? IPV6_HOST_BYTES : IPV4_HOST_BYTES;
    }

    public static int storeHostBytes(int sysFlag) {
        return (sysFlag & MessageSysFlag.STOREHOST_V6) != 0 ? IPV6_HOST_BYTES : IPV4_HOST_BYTES;
    }

    public static int storeTimestampOffset(int sysFlag) {
        return BORN_HOST_OFFSET + bornHostBytes(sysFlag);
    }

    public static int storeHostOffset(int sysFlag) {
        return storeTimestampOffset(sysFlag) + STORE_TIMESTAMP_BYTES;
    }

    public static int reconsumeTimesOffset(int sysFlag) {
        return storeHostOffset(sysFlag) + storeHostBytes(sysFlag);
    }

    public static int preparedTransactionOffsetOffset(int sysFlag) {
        return reconsumeTimesOffset(sysFlag) + RECONSUME_TIMES_BYTES;
    }

    public static int bodyLengthOffset(int sysFlag) {
        return preparedTransactionOffsetOffset(sysFlag) + PREPARED_TX_OFFSET_BYTES;
    }

    /** Bytes of the TOPICLENGTH field for a record with this magic, or -1 for an unknown magic. */
    public static int topicLengthBytes(int magic) {
        if (magic == MAGIC_V1) {
            return 1;
        }
        return magic == MAGIC_V2 ? 2 : -1;
    }

    /** The magic to use for a topic of this many UTF-8 bytes. */
    public static int magicFor(int topicBytes) {
        return topicBytes <= MAX_V1_TOPIC_BYTES ? MAGIC_V1 : MAGIC_V2;
    }

    /** Size of a whole record; {@code sysFlag} must carry the host IPv6 bits. */
    public static int recordSize(int sysFlag, int bodyBytes, int topicBytes, int propertiesBytes) {
        return bodyLengthOffset(sysFlag)
                + BODY_LENGTH_BYTES
                + bodyBytes
                + topicLengthBytes(magicFor(topicBytes))
                + topicBytes
                + PROPERTIES_LENGTH_BYTES
                + propertiesBytes;
    }
}
