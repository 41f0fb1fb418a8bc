package io.couriermq.client.producer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.client.ClientException;
import io.couriermq.client.message.OutgoingMessage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchSplitterTest {

    @Test
    void splitsByEncodedSizeKeepingOrder() {
        List<OutgoingMessage> messages = IntStream.range(0, 10)
                .mapToObj(i -> OutgoingMessage.builder("T", new byte[100])
                        .keys("k" + i)
                        .build())
                .toList();
        long one = BatchSplitter.encodedSize(messages.get(0));

        List<List<OutgoingMessage>> parts = BatchSplitter.split(messages, (int) (3 * one));

        assertThat(parts).extracting(List::size).containsExactly(3, 3, 3, 1);
        assertThat(parts.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(messages);
    }

    @Test
    void aMessageLargerThanTheLimitTravelsAlone() {
        List<OutgoingMessage> messages = List.of(
                OutgoingMessage.builder("T", new byte[10]).build(),
                OutgoingMessage.builder("T", new byte[5_000]).build(),
                OutgoingMessage.builder("T", new byte[10]).build());

        assertThat(BatchSplitter.split(messages, 1_000)).extracting(List::size).containsExactly(1, 1, 1);
    }

    @Test
    void refusesMixedTopicsDelaysAndEmptyBatches() {
        assertThatThrownBy(() -> BatchSplitter.split(List.of(), 1_000))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> BatchSplitter.split(
                        List.of(
                                OutgoingMessage.builder("A", new byte[1]).build(),
                                OutgoingMessage.builder("B", new byte[1]).build()),
                        1_000))
                .hasMessageContaining("one topic; found A and B");
        assertThatThrownBy(() -> BatchSplitter.split(
                        List.of(OutgoingMessage.builder("A", new byte[1])
                                .delayLevel(3)
                                .build()),
                        1_000))
                .hasMessageContaining("delayed messages cannot be sent in a batch");
    }

    @Test
    void anOrderedBatchIsKeptWholeOrRefusedWhenOverTheLimit() {
        List<OutgoingMessage> messages = IntStream.range(0, 3)
                .mapToObj(i -> OutgoingMessage.builder("T", new byte[100]).build())
                .toList();
        long one = BatchSplitter.encodedSize(messages.get(0));

        assertThat(BatchSplitter.whole(messages, (int) (3 * one))).containsExactlyElementsOf(messages);
        assertThatThrownBy(() -> BatchSplitter.whole(messages, (int) (3 * one) - 1))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("more than maxBatchBytes")
                .satisfies(e -> assertThat(((ClientException) e).isRetriable()).isFalse());
    }
}
