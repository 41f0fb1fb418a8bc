package io.couriermq.broker.transaction;

import static io.couriermq.remoting.protocol.header.broker.EndTransactionRequestHeader.TRANSACTION_COMMIT_TYPE;
import static io.couriermq.remoting.protocol.header.broker.EndTransactionRequestHeader.TRANSACTION_NOT_TYPE;
import static io.couriermq.remoting.protocol.header.broker.EndTransactionRequestHeader.TRANSACTION_ROLLBACK_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.transaction.TransactionalProducer.Half;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transactional messages through a whole broker over a real socket and real files. */
class TransactionIT {
    private static final String TOPIC = "Payments";

    @TempDir
    Path storeDir;

    private BrokerFixture fixture;
    private TransactionalProducer producer;

    @BeforeEach
    void start() {
        fixture = new BrokerFixture(storeDir, Map.of("transactionCheckMax", "3"));
        producer = connect();
    }

    private TransactionalProducer connect() {
        TransactionalProducer connected = new TransactionalProducer(fixture.address(), "txn-pg", "127.0.0.1@txn");
        connected.heartbeat();
        return connected;
    }

    @AfterEach
    void stop() {
        producer.close();
        fixture.close();
    }

    @Test
    void aHalfMessageIsInvisibleUntilCommittedThenDeliveredOnceWithCommitMarks() {
        Half half = producer.sendHalf(TOPIC, 2, "pay 10", "TX-1", "TAGS\u0001a\u0002");

        assertThat(half.response().queueId()).as("the requested queue").isEqualTo(2);
        assertThat(half.response().transactionId()).isEqualTo("TX-1");
        assertThat(fixture.readAll(TOPIC, 4)).isEmpty();
        StoredMessage stored = fixture.readAll(TransactionTopics.HALF_TOPIC, 1).get(0);
        assertThat(stored.queueOffset()).isEqualTo(half.queueOffset());
        assertThat(stored.commitLogOffset()).isEqualTo(half.commitLogOffset());
        assertThat(stored.message().properties())
                .containsEntry(MessageConst.REAL_TOPIC, TOPIC)
                .containsEntry(MessageConst.REAL_QUEUE_ID, "2")
                .containsEntry(MessageConst.TRANSACTION_ID, "TX-1");
        assertThat(MessageSysFlag.transactionType(stored.message().sysFlag()))
                .isEqualTo(MessageSysFlag.TRANSACTION_NOT_TYPE);

        RemotingCommand committed = producer.end(half, TRANSACTION_COMMIT_TYPE, false);

        assertThat(committed.code()).isEqualTo(ResponseCode.SUCCESS.code());
        List<StoredMessage> visible = fixture.readAll(TOPIC, 4);
        assertThat(visible).singleElement().satisfies(message -> {
            assertThat(message.message().queueId()).isEqualTo(2);
            assertThat(new String(message.message().bodyBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("pay 10");
            assertThat(MessageSysFlag.transactionType(message.message().sysFlag()))
                    .isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
            assertThat(message.message().preparedTransactionOffset()).isEqualTo(half.commitLogOffset());
            assertThat(message.message().properties())
                    .doesNotContainKeys(
                            MessageConst.REAL_TOPIC, MessageConst.REAL_QUEUE_ID, MessageConst.TRANSACTION_PREPARED)
                    .containsEntry(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, "TX-1")
                    .containsEntry(MessageConst.TAGS, "a");
        });
    }

    @Test
    void aSecondCommitOrACommitAfterRollbackIsAnsweredAndStoresNothing() {
        Half committed = producer.sendHalf(TOPIC, 0, "c", "TX-C", "");
        Half rolledBack = producer.sendHalf(TOPIC, 0, "r", "TX-R", "");

        producer.end(committed, TRANSACTION_COMMIT_TYPE, false);
        RemotingCommand again = producer.end(committed, TRANSACTION_COMMIT_TYPE, true);
        producer.end(rolledBack, TRANSACTION_ROLLBACK_TYPE, false);
        RemotingCommand late = producer.end(rolledBack, TRANSACTION_COMMIT_TYPE, true);

        assertThat(again.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(again.remark()).contains("already committed");
        assertThat(late.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(late.remark()).contains("already rolled back");
        assertThat(fixture.readAll(TOPIC, 4))
                .extracting(message -> message.message().uniqueKey())
                .containsExactly("TX-C");
    }

    @Test
    void anEndThatDoesNotMatchTheHalfMessageIsRefusedWithTheReason() {
        Half half = producer.sendHalf(TOPIC, 0, "x", "TX-X", "");

        RemotingCommand wrongGroup = producer.end(
                "other-pg", half.queueOffset(), half.commitLogOffset(), "TX-X", TRANSACTION_COMMIT_TYPE, false);
        RemotingCommand wrongOffset = producer.end(
                "txn-pg", half.queueOffset() + 7, half.commitLogOffset(), "TX-X", TRANSACTION_COMMIT_TYPE, false);
        RemotingCommand nothingThere =
                producer.end("txn-pg", 0, half.commitLogOffset() + 3, "TX-X", TRANSACTION_COMMIT_TYPE, false);
        RemotingCommand badType = producer.end(half, 5, false);

        assertThat(wrongGroup.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(wrongGroup.remark()).contains("producer group other-pg", "txn-pg");
        assertThat(wrongOffset.remark()).contains("tranStateTableOffset " + (half.queueOffset() + 7));
        assertThat(nothingThere.remark()).contains("no half message at commit log offset");
        assertThat(badType.remark()).contains("commitOrRollback must be");
        assertThat(fixture.readAll(TOPIC, 4)).isEmpty();
    }

    @Test
    void anUnknownStateIsCheckedBackAfterTheTimeoutAndTheAnswerCommits() {
        Half half = producer.sendHalf(TOPIC, 1, "later", "TX-U", "");
        producer.end(half, TRANSACTION_NOT_TYPE, false);
        producer.answerChecksWith(uniqueKey -> TRANSACTION_COMMIT_TYPE);

        fixture.checkNow();
        assertThat(producer.checks()).as("younger than transactionTimeOut").isEmpty();

        fixture.clock.advance(7, TimeUnit.SECONDS);
        fixture.checkNow();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.readAll(TOPIC, 4).size() == 1);
        TransactionalProducer.Check check = producer.checks().get(0);
        assertThat(check.header().tranStateTableOffset()).isEqualTo(half.queueOffset());
        assertThat(check.header().commitLogOffset()).isEqualTo(half.commitLogOffset());
        assertThat(check.header().transactionId()).isEqualTo("TX-U");
        assertThat(check.message().message().topic()).isEqualTo(TOPIC);
        assertThat(check.message().message().queueId()).isEqualTo(1);
        assertThat(check.message().message().properties())
                .containsEntry(MessageConst.PRODUCER_GROUP, "txn-pg")
                .containsEntry(MessageConst.TRANSACTION_CHECK_TIMES, "1");
    }

    @Test
    void theCheckImmunityTimeDelaysTheFirstCheck() {
        producer.sendHalf(TOPIC, 0, "immune", "TX-I", "CHECK_IMMUNITY_TIME_IN_SECONDS\u000160\u0002");

        fixture.clock.advance(30, TimeUnit.SECONDS);
        fixture.checkNow();
        assertThat(producer.checks()).isEmpty();

        fixture.clock.advance(31, TimeUnit.SECONDS);
        fixture.checkNow();
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.checks().size() == 1);
    }

    @Test
    void aHalfMessageNobodyAnswersIsMovedToTheAuditTopicAfterTheMaximumChecks() {
        producer.sendHalf(TOPIC, 0, "orphan", "TX-O", "");

        for (int round = 1; round <= 4; round++) {
            fixture.clock.advance(7, TimeUnit.SECONDS);
            producer.heartbeat();
            fixture.checkNow();
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> producer.checks().size() == 3);
        List<StoredMessage> audit = fixture.readAll(TransactionTopics.CHECK_MAX_TOPIC, 1);
        assertThat(audit).singleElement().satisfies(message -> assertThat(
                        message.message().properties())
                .containsEntry(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, "TX-O")
                .containsEntry(MessageConst.TRANSACTION_CHECK_TIMES, "3"));
        assertThat(fixture.broker().topics().find(TransactionTopics.CHECK_MAX_TOPIC))
                .isPresent();

        fixture.clock.advance(7, TimeUnit.SECONDS);
        fixture.checkNow();
        assertThat(producer.checks()).as("never checked again").hasSize(3);
        assertThat(fixture.readAll(TOPIC, 4)).isEmpty();
    }

    @Test
    void aRestartNeitherRedeliversACommitNorForgetsAnUnresolvedHalfMessage() {
        Half committed = producer.sendHalf(TOPIC, 0, "before", "TX-B", "");
        Half rolledBack = producer.sendHalf(TOPIC, 0, "never", "TX-N", "");
        producer.sendHalf(TOPIC, 0, "pending", "TX-P", "");
        producer.end(committed, TRANSACTION_COMMIT_TYPE, false);
        producer.end(rolledBack, TRANSACTION_ROLLBACK_TYPE, false);
        producer.close();

        fixture.restart();
        producer = connect();
        producer.answerChecksWith(uniqueKey -> TRANSACTION_COMMIT_TYPE);
        RemotingCommand duplicate = producer.end(committed, TRANSACTION_COMMIT_TYPE, true);
        RemotingCommand resurrect = producer.end(rolledBack, TRANSACTION_COMMIT_TYPE, true);
        fixture.clock.advance(7, TimeUnit.SECONDS);
        fixture.checkNow();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.readAll(TOPIC, 4).size() == 2);
        assertThat(duplicate.remark()).contains("already");
        assertThat(resurrect.remark()).contains("already");
        assertThat(producer.checks())
                .extracting(check -> check.message().message().uniqueKey())
                .containsExactly("TX-P");
        assertThat(fixture.readAll(TOPIC, 4))
                .extracting(message -> message.message().uniqueKey())
                .containsExactlyInAnyOrder("TX-B", "TX-P");
    }

    @Test
    void aCommitWhoseOpRecordWasLostInACrashIsNotStoredTwiceAfterTheRestart() {
        Half half = producer.sendHalf(TOPIC, 0, "crash", "TX-K", "");
        StoredMessage stored = fixture.readAll(TransactionTopics.HALF_TOPIC, 1).get(0);
        // the crash window: the committed message reached the commit log, its op record did not
        assertThat(fixture.broker()
                        .store()
                        .putMessage(HalfMessages.committed(stored))
                        .join()
                        .isOk())
                .isTrue();
        producer.close();

        fixture.restart();
        producer = connect();
        RemotingCommand commit = producer.end(half, TRANSACTION_COMMIT_TYPE, true);

        assertThat(commit.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(fixture.readAll(TOPIC, 4)).hasSize(1);
        assertThat(producer.end(half, TRANSACTION_COMMIT_TYPE, true).remark()).contains("already committed");
    }

    @Test
    void theOnewayEndOfTheOfficialClientCommits() {
        Half half = producer.sendHalf(TOPIC, 3, "oneway", "TX-W", "");

        producer.endOneway(half, TRANSACTION_COMMIT_TYPE);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.readAll(TOPIC, 4).size() == 1);
    }
}
