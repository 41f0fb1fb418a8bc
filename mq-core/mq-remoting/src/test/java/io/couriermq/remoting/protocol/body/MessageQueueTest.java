package io.couriermq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.protocol.RemotingCommandException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MessageQueue identity, order, and its two JSON forms: as a value and as a map key (doc §3.0). */
class MessageQueueTest {

    @Test
    void equalQueuesAreInterchangeable() {
        MessageQueue queue = new MessageQueue("T", "b", 0);

        assertThat(queue).isEqualTo(new MessageQueue("T", "b", 0)).hasSameHashCodeAs(new MessageQueue("T", "b", 0));
        assertThat(queue).isNotEqualTo(new MessageQueue("T", "b", 1)).isNotEqualTo(new MessageQueue("T", "c", 0));
    }

    @Test
    void queuesSortByTopicThenBrokerThenQueueId() {
        List<MessageQueue> queues = new ArrayList<>(List.of(
                new MessageQueue("B", "a", 0),
                new MessageQueue("A", "b", 0),
                new MessageQueue("A", "a", 10),
                new MessageQueue("A", "a", 2)));

        queues.sort(null);

        assertThat(queues)
                .containsExactly(
                        new MessageQueue("A", "a", 2),
                        new MessageQueue("A", "a", 10),
                        new MessageQueue("A", "b", 0),
                        new MessageQueue("B", "a", 0));
    }

    @Test
    void asAValueItIsWrittenLikeFastjson() {
        assertThat(Json.write(new MessageQueue("T", "b", 0)))
                .isEqualTo("{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}");
    }

    @Test
    void asAKeyItIsItsOwnJsonTextInAString() {
        String json = Json.write(new ResetOffsetBody(Map.of(new MessageQueue("T", "b", 0), 42L)));

        assertThat(json)
                .isEqualTo(
                        "{\"offsetTable\":{\"{\\\"brokerName\\\":\\\"b\\\",\\\"queueId\\\":0,\\\"topic\\\":\\\"T\\\"}\":42}}");
        assertThat(Json.read(json, ResetOffsetBody.class).offsetTable())
                .containsExactly(Map.entry(new MessageQueue("T", "b", 0), 42L));
    }

    @Test
    void keysNeedingEscapesSurviveBothLayers() {
        MessageQueue odd = new MessageQueue("T\"q\\", "b\u0001", 7);

        ResetOffsetBody read = Json.read(Json.write(new ResetOffsetBody(Map.of(odd, 1L))), ResetOffsetBody.class);

        assertThat(read.offsetTable()).containsOnlyKeys(odd);
    }

    @Test
    void aKeyInAnyPropertyOrderIsRead() {
        String json =
                "{\"offsetTable\":{\"{\\\"topic\\\":\\\"T\\\",\\\"queueId\\\":3,\\\"brokerName\\\":\\\"b\\\"}\":5}}";

        assertThat(Json.read(json, ResetOffsetBody.class).offsetTable())
                .containsExactly(Map.entry(new MessageQueue("T", "b", 3), 5L));
    }

    @Test
    void aKeyThatIsNotAQueueIsABadBody() {
        assertThatThrownBy(() -> Json.read("{\"offsetTable\":{\"T@b@0\":5}}", ResetOffsetBody.class))
                .isInstanceOf(RemotingCommandException.class)
                .hasMessageContaining("ResetOffsetBody");
    }

    @Test
    void fastjsonRawObjectKeysAreNotJsonAndAreRefused() {
        String official = "{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}:5}}";

        assertThatThrownBy(() -> Json.read(official, ResetOffsetBody.class))
                .isInstanceOf(RemotingCommandException.class);
    }
}
