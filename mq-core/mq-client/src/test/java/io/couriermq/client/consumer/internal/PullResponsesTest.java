package io.couriermq.client.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.client.ClientException;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.codec.MessageEncoder;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.header.broker.PullMessageResponseHeader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PullResponsesTest {
    private static final MessageQueue QUEUE = new MessageQueue("Orders", "broker-a", 1);
    private static final InetSocketAddress HOST = new InetSocketAddress("10.0.0.1", 10911);
    private static final RemotingCommand REQUEST =
            RemotingCommand.request(RequestCode.PULL_MESSAGE).build();

    @Test
    void foundDecodesTheRecordsAndKeepsOnlyExactTags() {
        RemotingCommand response = response(
                ResponseCode.SUCCESS,
                8,
                records(
                        record("Orders", 5, "TagA", "one"),
                        record("Orders", 6, "TagB", "two"),
                        record("Orders", 7, null, "three")));

        PullResult result = PullResponses.parse(response, QUEUE, 5, Subscriptions.tags("Orders", "TagA", 1));

        assertThat(result.status()).isEqualTo(PullStatus.FOUND);
        assertThat(result.nextBeginOffset()).isEqualTo(8);
        assertThat(result.messages()).singleElement().satisfies(message -> {
            assertThat(message.queueOffset()).isEqualTo(5);
            assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("one");
            assertThat(message.brokerName()).isEqualTo("broker-a");
        });
    }

    @Test
    void aStarSubscriptionKeepsEveryMessageAndOlderOffsetsAreDropped() {
        RemotingCommand response = response(
                ResponseCode.SUCCESS, 8, records(record("Orders", 5, "TagA", "one"), record("Orders", 6, null, "two")));

        PullResult result = PullResponses.parse(response, QUEUE, 6, Subscriptions.tags("Orders", "*", 1));

        assertThat(result.messages()).extracting(ReceivedMessage::queueOffset).containsExactly(6L);
    }

    @Test
    void aRetriedMessageShowsItsOriginalTopic() {
        RemotingCommand response = response(
                ResponseCode.SUCCESS,
                1,
                records(Message.builder("%RETRY%g", 0)
                        .body("x".getBytes(StandardCharsets.UTF_8))
                        .property(MessageConst.RETRY_TOPIC, "Orders")
                        .bornHost(HOST)
                        .storeHost(HOST)
                        .build()));

        PullResult result = PullResponses.parse(
                response, new MessageQueue("%RETRY%g", "broker-a", 0), 0, Subscriptions.tags("%RETRY%g", "*", 1));

        assertThat(result.messages())
                .singleElement()
                .extracting(ReceivedMessage::topic)
                .isEqualTo("Orders");
    }

    @Test
    void theNoMessageCodesCarryTheNextOffset() {
        assertThat(PullResponses.parse(response(ResponseCode.PULL_NOT_FOUND, 9, null), QUEUE, 9, null))
                .satisfies(result -> {
                    assertThat(result.status()).isEqualTo(PullStatus.NO_NEW_MSG);
                    assertThat(result.nextBeginOffset()).isEqualTo(9);
                    assertThat(result.messages()).isEmpty();
                });
        assertThat(PullResponses.parse(response(ResponseCode.PULL_RETRY_IMMEDIATELY, 12, null), QUEUE, 9, null)
                        .status())
                .isEqualTo(PullStatus.NO_MATCHED_MSG);
        PullResult moved = PullResponses.parse(response(ResponseCode.PULL_OFFSET_MOVED, 3, null), QUEUE, 100, null);
        assertThat(moved.status()).isEqualTo(PullStatus.OFFSET_ILLEGAL);
        assertThat(moved.nextBeginOffset()).isEqualTo(3);
    }

    @Test
    void otherCodesFailWithTheirCodeAndWhetherARetryHelps() {
        RemotingCommand notLatest = RemotingCommand.responseTo(REQUEST, ResponseCode.SUBSCRIPTION_NOT_LATEST)
                .remark("subscription not latest")
                .build();
        assertThatThrownBy(() -> PullResponses.parse(notLatest, QUEUE, 0, null))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.responseCode()).isEqualTo(ResponseCode.SUBSCRIPTION_NOT_LATEST.code());
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.getMessage()).contains("Orders");
                });
        RemotingCommand parseFailed = RemotingCommand.responseTo(REQUEST, ResponseCode.SUBSCRIPTION_PARSE_FAILED)
                .build();
        assertThatThrownBy(() -> PullResponses.parse(parseFailed, QUEUE, 0, null))
                .isInstanceOfSatisfying(
                        ClientException.class, e -> assertThat(e.isRetriable()).isFalse());
    }

    @Test
    void successWithoutABodyIsAnError() {
        assertThatThrownBy(() -> PullResponses.parse(response(ResponseCode.SUCCESS, 1, null), QUEUE, 0, null))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("without a body");
    }

    private static RemotingCommand response(ResponseCode code, long next, byte[] body) {
        RemotingCommand.Builder builder =
                RemotingCommand.responseTo(REQUEST, code).header(PullMessageResponseHeader.of(next, 0, next));
        if (body != null) {
            builder.body(body);
        }
        return builder.build();
    }

    private static Message record(String topic, long offset, String tags, String body) {
        Message.Builder builder = Message.builder(topic, 1)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .property("OFFSET_FOR_TEST", Long.toString(offset))
                .bornHost(HOST)
                .storeHost(HOST);
        if (tags != null) {
            builder.tags(tags);
        }
        return builder.build();
    }

    private static byte[] records(Message... messages) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        for (Message message : messages) {
            int start = buffer.position();
            MessageEncoder.encode(message, buffer, 4096);
            String offset = message.property("OFFSET_FOR_TEST");
            MessageEncoder.stamp(buffer, start, offset == null ? 0 : Long.parseLong(offset), 100 + start, 1_000);
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
