package io.couriermq.store;

import java.nio.ByteBuffer;

/**
 * Decides which messages a read returns. The tag-hash check runs on the consume-queue entry, before the
 * record is touched; {@link #matchesRecord} (for SQL92 on properties, later) runs on the stored bytes.
 */
@FunctionalInterface
public interface MessageFilter {
    /** Returns every message. */
    MessageFilter ALL = tagsHash -> true;

    boolean matchesTagsHash(long tagsHash);

    /** Second check on the whole stored record (read-only view); default accepts. */
    default boolean matchesRecord(ByteBuffer record) {
        return true;
    }
}
