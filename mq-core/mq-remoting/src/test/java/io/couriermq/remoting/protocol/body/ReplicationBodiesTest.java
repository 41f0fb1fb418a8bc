package io.couriermq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.protocol.RemotingCommandException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bodies a slave fetches from its master, in the shapes RocketMQ 5.2.0 writes and reads. */
class ReplicationBodiesTest {

    @Test
    void consumerOffsetsReadFastjsonOutputAndIgnoreExtraFields() {
        String official = "{\"dataVersion\":{\"counter\":3,\"stateVersion\":0,\"timestamp\":9},"
                + "\"offsetTable\":{\"Orders@billing\":{0:5,1:7}},\"pullOffsetTable\":{}}";

        ConsumerOffsetSerializeWrapper read = Json.read(official, ConsumerOffsetSerializeWrapper.class);

        assertThat(read.offsetTable()).isEqualTo(Map.of("Orders@billing", Map.of(0, 5L, 1, 7L)));
        assertThat(read.dataVersion()).isEqualTo(new DataVersion(9, 3, 0));
    }

    @Test
    void consumerOffsetsWriteTheOfficialShape() {
        ConsumerOffsetSerializeWrapper body = new ConsumerOffsetSerializeWrapper(
                Map.of(ConsumerOffsetSerializeWrapper.key("Orders", "billing"), Map.of(0, 5L)),
                new DataVersion(9, 3, 0));

        assertThat(Json.write(body))
                .isEqualTo("{\"dataVersion\":{\"timestamp\":9,\"counter\":3,\"stateVersion\":0},"
                        + "\"offsetTable\":{\"Orders@billing\":{\"0\":5}}}");
    }

    @Test
    void delayOffsetsReadTheOfficialFileAndCarryCancellations() {
        DelayOffsetSerializeWrapper official = Json.read(
                "{\"dataVersion\":{\"counter\":1,\"stateVersion\":0,\"timestamp\":2},\"offsetTable\":{1:7,3:0}}",
                DelayOffsetSerializeWrapper.class);
        DelayOffsetSerializeWrapper ours =
                new DelayOffsetSerializeWrapper(Map.of(2, 4L), new DataVersion(2, 1, 0), Set.of(100L));

        assertThat(official.offsetTable()).isEqualTo(Map.of(1, 7L, 3, 0L));
        assertThat(official.cancelled()).isEmpty();
        assertThat(Json.write(ours))
                .isEqualTo("{\"cancelled\":[100],\"dataVersion\":{\"timestamp\":2,\"counter\":1,\"stateVersion\":0},"
                        + "\"offsetTable\":{\"2\":4}}");
        assertThat(Json.read(Json.write(ours), DelayOffsetSerializeWrapper.class))
                .isEqualTo(ours);
    }

    /** The bytes RocketMQ 5.2.0's TimerCheckpoint.encode writes for (1700000000000, 2, 3, 4, v(5, 6, 7)). */
    @Test
    void timerCheckpointIsTheOfficialBinaryLayout() {
        byte[] official = HexFormat.of()
                .parseHex("0000018bcfe56800000000000000000200000000000000030000000000000004"
                        + "000000000000000500000000000000060000000000000007");
        TimerCheckpointBody body = new TimerCheckpointBody(1_700_000_000_000L, 2, 3, 4, new DataVersion(6, 7, 5));

        assertThat(body.encode()).isEqualTo(official);
        assertThat(TimerCheckpointBody.decode(official)).isEqualTo(body);
        assertThat(TimerCheckpointBody.decode(java.util.Arrays.copyOf(official, 32))
                        .masterTimerQueueOffset())
                .isEqualTo(4);
        assertThatThrownBy(() -> TimerCheckpointBody.decode(new byte[12]))
                .isInstanceOf(RemotingCommandException.class)
                .hasMessageContaining("12 bytes");
    }

    @Test
    void emptyTablesStayPresentForOfficialSlaves() {
        assertThat(Json.write(new TimerMetricsSerializeWrapper(null, new DataVersion(1, 0, 0))))
                .isEqualTo("{\"dataVersion\":{\"timestamp\":1,\"counter\":0,\"stateVersion\":0},\"timingCount\":{}}");
        assertThat(Json.write(new MessageRequestModeSerializeWrapper(null)))
                .isEqualTo("{\"messageRequestModeMap\":{}}");
    }

    @Test
    void allTopicsCarryEmptyMappingTablesWithAFixedVersion() {
        TopicConfigSerializeWrapper topics = new TopicConfigSerializeWrapper(Map.of(), new DataVersion(9, 3, 0));

        assertThat(Json.write(TopicConfigAndMappingSerializeWrapper.withoutMappings(topics)))
                .isEqualTo("{\"dataVersion\":{\"timestamp\":9,\"counter\":3,\"stateVersion\":0},"
                        + "\"mappingDataVersion\":{\"timestamp\":0,\"counter\":0,\"stateVersion\":0},"
                        + "\"topicConfigTable\":{},\"topicQueueMappingDetailMap\":{},\"topicQueueMappingInfoMap\":{}}");
    }
}
