package io.couriermq.store.engine;

import io.couriermq.common.time.ManualClock;
import io.couriermq.store.FlushDiskType;
import io.couriermq.store.MessageStore;
import io.couriermq.store.MessageStoreContractTest;
import io.couriermq.store.StoreTestSupport;
import java.nio.file.Path;

/** The contract again with SYNC_FLUSH: every put goes through the group commit before it completes. */
class SyncFlushFileMessageStoreContractTest extends MessageStoreContractTest {

    @Override
    protected MessageStore newStore(Path dir, ManualClock clock) {
        return FileMessageStore.open(
                StoreTestSupport.smallConfig(dir)
                        .flushDiskType(FlushDiskType.SYNC_FLUSH)
                        .build(),
                clock);
    }
}
