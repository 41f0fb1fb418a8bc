package io.couriermq.store.engine;

import static io.couriermq.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.MessageStoreContractTest;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.StoreTestSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileMessageStoreContractTest extends MessageStoreContractTest {

    @Override
    protected MessageStore newStore(Path dir, ManualClock clock) {
        return FileMessageStore.open(StoreTestSupport.smallConfig(dir).build(), clock);
    }

    @Test
    void readsAreReadOnlySlicesOfTheMappedSegmentNotCopies() {
        put(message("TopicA", 0, "zero copy"));
        awaitMaxOffset("TopicA", 0, 1);
        try (GetResult result = store.getMessages("TopicA", 0, 0, 1, MessageFilter.ALL)) {
            RecordSlice slice = result.records().get(0);
            assertThat(slice.buffer().isDirect()).isTrue();
            assertThat(slice.buffer().isReadOnly()).isTrue();
        }
    }
}
