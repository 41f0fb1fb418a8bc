package io.couriermq.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.schedule.DelayProgress;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumerOffsetSerializeWrapper;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.DelayOffsetSerializeWrapper;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TimerCheckpointBody;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationMetadataProcessorTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final TimerCheckpointBody checkpoint =
            new TimerCheckpointBody(1_700_000_000_000L, 0, 12, 12, new DataVersion(1, 2, 0));
    private ConsumerOffsetManager offsets;
    private DelayProgress delay;
    private ReplicationMetadataProcessor processor;

    @BeforeEach
    void setUp() {
        offsets = new ConsumerOffsetManager(dir, clock);
        delay = new DelayProgress(dir, clock);
        processor = new ReplicationMetadataProcessor(offsets, delay, () -> checkpoint);
    }

    @Test
    void allConsumerOffsetsInRocketMqsShape() {
        offsets.commit("billing", "Orders", 3, 42);

        ConsumerOffsetSerializeWrapper body =
                RemotingJson.decode(success(RequestCode.GET_ALL_CONSUMER_OFFSET), ConsumerOffsetSerializeWrapper.class);

        assertThat(body.offsetTable()).isEqualTo(Map.of("Orders@billing", Map.of(3, 42L)));
        assertThat(body.dataVersion()).isEqualTo(offsets.dataVersion());
    }

    @Test
    void delayOffsetsInRocketMqsShape() {
        delay.advance(3, 9);

        String json = new String(success(RequestCode.GET_ALL_DELAY_OFFSET), StandardCharsets.UTF_8);

        assertThat(json).contains("\"offsetTable\":{\"3\":9}", "\"dataVersion\":{");
        assertThat(RemotingJson.decode(json.getBytes(StandardCharsets.UTF_8), DelayOffsetSerializeWrapper.class))
                .isEqualTo(delay.snapshot());
    }

    @Test
    void timerCheckpointIsTheBinaryLayout() {
        assertThat(TimerCheckpointBody.decode(success(RequestCode.GET_TIMER_CHECK_POINT)))
                .isEqualTo(checkpoint);
    }

    @Test
    void timerMetricsAndRequestModesAreEmptyButComplete() {
        assertThat(new String(success(RequestCode.GET_TIMER_METRICS), StandardCharsets.UTF_8))
                .isEqualTo("{\"dataVersion\":{\"timestamp\":0,\"counter\":0,\"stateVersion\":0},\"timingCount\":{}}");
        assertThat(new String(success(RequestCode.GET_ALL_MESSAGE_REQUEST_MODE), StandardCharsets.UTF_8))
                .isEqualTo("{\"messageRequestModeMap\":{}}");
    }

    private byte[] success(RequestCode code) {
        RemotingCommand response = processor.process(
                new AdminFixtures.DirectContext(), RemotingCommand.request(code).build());
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        return response.body();
    }
}
