package io.couriermq.store.recovery;

import io.couriermq.common.message.codec.RecordCheck;
import io.couriermq.common.message.codec.RecordValidator;
import io.couriermq.common.message.codec.RecordView;
import io.couriermq.store.file.MappedFile;
import io.couriermq.store.file.MappedFileQueue;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks commit-log records from an offset and finds where valid data ends: each record must have a known
 * magic, a size that fits, fields that add up, the physical offset of where it lies and, after a crash,
 * a matching body CRC. The first record that fails ends the log.
 */
final class CommitLogScanner {
    private static final Logger log = LoggerFactory.getLogger(CommitLogScanner.class);

    private final MappedFileQueue segments;
    private final boolean verifyCrc;

    CommitLogScanner(MappedFileQueue segments, boolean verifyCrc) {
        this.segments = segments;
        this.verifyCrc = verifyCrc;
    }

    /** @param validEndOffset where valid data ends @param records how many records were checked */
    record Scan(long validEndOffset, long records) {}

    Scan scanFrom(long startOffset) {
        long offset = startOffset;
        long records = 0;
        MappedFile segment;
        while ((segment = segments.findByOffset(offset)) != null) {
            ByteBuffer buffer = segment.reader();
            int position = (int) (offset - segment.startOffset());
            boolean endOfLog = false;
            while (position < segment.sizeBytes() && !endOfLog) {
                RecordCheck check = RecordValidator.check(buffer, position, segment.sizeBytes(), verifyCrc);
                if (check.kind() == RecordCheck.Kind.RECORD && isInPlace(buffer, position, segment)) {
                    records++;
                    position += check.sizeBytes();
                } else if (check.kind() == RecordCheck.Kind.BLANK) {
                    position = segment.sizeBytes();
                } else {
                    logEnd(segment, position, check);
                    endOfLog = true;
                }
            }
            offset = segment.startOffset() + position;
            if (endOfLog) {
                break;
            }
        }
        return new Scan(offset, records);
    }

    /** A record must say it lives where it was found; anything else is leftover from an older write. */
    private static boolean isInPlace(ByteBuffer buffer, int position, MappedFile segment) {
        return RecordView.at(buffer, position).physicalOffset() == segment.startOffset() + position;
    }

    private static void logEnd(MappedFile segment, int position, RecordCheck check) {
        if (check.kind() == RecordCheck.Kind.CORRUPT) {
            log.warn(
                    "commit log ends at offset {} in {}: torn or damaged record ({})",
                    segment.startOffset() + position,
                    segment.path(),
                    check.detail());
        }
    }
}
