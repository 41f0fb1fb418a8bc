package io.couriermq.remoting.netty;

import static io.couriermq.remoting.netty.EmbeddedRemoting.pooled;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.SerializeType;
import io.couriermq.remoting.testing.Bytes;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Well-formed streams are cut into commands however the bytes arrive. */
class RemotingCommandDecoderTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new RemotingCommandDecoder(1024 * 1024));

    @Test
    void twoFramesOfDifferentTypesInOneReadGiveTwoCommands() {
        byte[] json = Bytes.encode(RemotingCommand.decoded(34, 1, 0).build());
        byte[] binary = Bytes.encode(RemotingCommand.decoded(35, 2, 0)
                .serializeType(SerializeType.ROCKETMQ)
                .body(new byte[] {9})
                .build());

        channel.writeInbound(pooled(Bytes.concat(json, binary)));

        RemotingCommand first = channel.readInbound();
        RemotingCommand second = channel.readInbound();
        assertThat(first.opaque()).isEqualTo(1);
        assertThat(first.serializeType()).isEqualTo(SerializeType.JSON);
        assertThat(second.opaque()).isEqualTo(2);
        assertThat(second.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
        assertThat(second.body()).containsExactly(9);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void frameArrivingOneByteAtATimeGivesOneCommandAfterTheLastByte() {
        byte[] frame = Bytes.encode(RemotingCommand.decoded(105, 7, 0)
                .extField("topic", "TopicTest")
                .body(new byte[] {1, 2, 3})
                .build());

        for (int i = 0; i < frame.length - 1; i++) {
            channel.writeInbound(pooled(Arrays.copyOfRange(frame, i, i + 1)));
            assertThat((Object) channel.readInbound()).as("after byte %d", i).isNull();
        }
        channel.writeInbound(pooled(Arrays.copyOfRange(frame, frame.length - 1, frame.length)));

        RemotingCommand command = channel.readInbound();
        assertThat(command.extField("topic")).isEqualTo("TopicTest");
        assertThat(command.body()).containsExactly(1, 2, 3);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void frameSplitRightAfterTheLengthFieldIsReassembled() {
        byte[] frame = Bytes.encode(RemotingCommand.decoded(34, 3, 0).build());

        channel.writeInbound(pooled(Arrays.copyOfRange(frame, 0, 4)));
        channel.writeInbound(pooled(Arrays.copyOfRange(frame, 4, frame.length)));

        RemotingCommand command = channel.readInbound();
        assertThat(command.opaque()).isEqualTo(3);
        assertThat(channel.finish()).isFalse();
    }
}
