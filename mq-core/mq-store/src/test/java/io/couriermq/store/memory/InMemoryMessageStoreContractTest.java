package io.couriermq.store.memory;

import io.couriermq.common.time.ManualClock;
import io.couriermq.store.MessageStore;
import io.couriermq.store.MessageStoreContractTest;
import java.nio.file.Path;

class InMemoryMessageStoreContractTest extends MessageStoreContractTest {

    @Override
    protected MessageStore newStore(Path dir, ManualClock clock) {
        return new InMemoryMessageStore(clock, 16 * 1024);
    }
}
