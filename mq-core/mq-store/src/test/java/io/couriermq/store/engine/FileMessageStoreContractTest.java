package io.couriermq.store.engine;

import io.couriermq.common.time.ManualClock;
import io.couriermq.store.MessageStore;
import io.couriermq.store.MessageStoreContractTest;
import io.couriermq.store.StoreTestSupport;
import java.nio.file.Path;

class FileMessageStoreContractTest extends MessageStoreContractTest {

    @Override
    protected MessageStore newStore(Path dir, ManualClock clock) {
        return FileMessageStore.open(StoreTestSupport.smallConfig(dir).build(), clock);
    }
}
