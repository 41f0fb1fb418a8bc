package io.couriermq.broker.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.client.ClientIdentity;
import io.couriermq.broker.client.FakeRemotingChannel;
import io.couriermq.broker.client.ProducerGroupRegistry;
import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.header.broker.CheckTransactionStateRequestHeader;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.store.MessageStore;
import io.couriermq.store.StoreConfig;
import io.couriermq.store.engine.FileMessageStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check-back round without sockets: channels that fail must not stop it from reaching the others. */
class TransactionCheckerTest {
    private static final InetSocketAddress STORE_HOST = new InetSocketAddress("127.0.0.1", 10911);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final ProducerGroupRegistry producers = new ProducerGroupRegistry(clock);
    private MessageStore store;
    private TransactionService transactions;

    @BeforeEach
    void open() {
        BrokerConfig config = BrokerSettingsLoader.load(Map.of("transactionCheckMax", "2"), dir, "127.0.0.1")
                .broker();
        store = FileMessageStore.open(
                StoreConfig.builder(dir.resolve("store"))
                        .mappedFileSizeCommitLog(8 << 20)
                        .mappedFileSizeConsumeQueue(20 * 1000)
                        .build(),
                clock);
        TopicConfigManager topics = new TopicConfigManager(config, dir.resolve("config"), clock);
        transactions = new TransactionService(
                config, store, topics, producers, message -> message, STORE_HOST, dir.resolve("config"), clock);
        transactions.start();
    }

    @AfterEach
    void close() {
        transactions.shutdown();
        store.shutdown();
    }

    @Test
    void aCheckThatThrowsOrFailsDoesNotStopTheRound() {
        producers.register("throwing-pg", identity(new ThrowingChannel(), "c1"));
        producers.register("failing-pg", identity(new FailingChannel(), "c2"));
        FakeRemotingChannel healthy = new FakeRemotingChannel("10.0.0.3:1");
        producers.register("healthy-pg", identity(healthy, "c3"));
        putHalf("throwing-pg", "TX-1");
        putHalf("failing-pg", "TX-2");
        putHalf("healthy-pg", "TX-3");
        clock.advance(7, TimeUnit.SECONDS);

        transactions.checkNow();

        assertThat(healthy.oneways()).singleElement().satisfies(check -> {
            assertThat(check.code()).isEqualTo(RequestCode.CHECK_TRANSACTION_STATE.code());
            assertThat(check.decodeHeader(CheckTransactionStateRequestHeader::decode)
                            .tranStateTableOffset())
                    .isEqualTo(2);
        });
    }

    @Test
    void aGroupWithoutLiveProducersIsCheckedAgainNextRoundAndFinallyGivenUp() {
        putHalf("absent-pg", "TX-A");
        for (int round = 0; round < 3; round++) {
            clock.advance(7, TimeUnit.SECONDS);
            transactions.checkNow();
        }

        assertThat(transactions.resolvedBelow()).isEqualTo(1);
        // the given-up copy is stored at once and reaches its consume queue through the dispatcher
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(store.maxOffset(TransactionTopics.CHECK_MAX_TOPIC, 0))
                        .isEqualTo(1));
    }

    private void putHalf(String group, String uniqueKey) {
        Message message = Message.builder("Orders", 0)
                .sysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE)
                .property(MessageConst.TRANSACTION_PREPARED, "true")
                .property(MessageConst.PRODUCER_GROUP, group)
                .property(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, uniqueKey)
                .body(new byte[] {1})
                .bornHost(STORE_HOST)
                .storeHost(STORE_HOST)
                .build();
        assertThat(store.putMessage(transactions.sendDiversion().divert(message))
                        .join()
                        .isOk())
                .isTrue();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> store.stats().dispatchedOffset() >= store.stats().commitLogMaxOffset());
    }

    private static ClientIdentity identity(RemotingChannel channel, String clientId) {
        return new ClientIdentity(channel, clientId, LanguageCode.JAVA, 453);
    }

    /** A connection whose send blows up in the caller. */
    private static final class ThrowingChannel extends StubChannel {
        @Override
        public CompletableFuture<Void> invokeOneway(RemotingCommand request) {
            throw new IllegalStateException("the channel is broken");
        }
    }

    /** A connection whose write fails later (closed under it). */
    private static final class FailingChannel extends StubChannel {
        @Override
        public CompletableFuture<Void> invokeOneway(RemotingCommand request) {
            return CompletableFuture.failedFuture(new IllegalStateException("connection closed"));
        }
    }

    private abstract static class StubChannel implements RemotingChannel {
        @Override
        public String remoteAddress() {
            return "10.0.0.9:9";
        }

        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMs) {
            return CompletableFuture.failedFuture(new IllegalStateException("not used"));
        }

        @Override
        public void close() {}
    }
}
