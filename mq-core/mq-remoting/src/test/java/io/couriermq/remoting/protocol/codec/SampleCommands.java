package io.couriermq.remoting.protocol.codec;

import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.SplittableRandom;

/** Random valid commands and their frames, written by the codecs themselves, as seeds for mutation. */
public final class SampleCommands {
    private static final String[] TEXT = {
        "", "a", "TopicTest", "%RETRY%group", "ü名前", "quote\"back\\slash", "\u0001\u0002"
    };

    private SampleCommands() {}

    public static RemotingCommand command(SplittableRandom random) {
        RemotingCommand.Builder command = RemotingCommand.decoded(
                        random.nextInt(-40, 400), random.nextInt(), random.nextInt(4))
                .language(LanguageCode.ofCode(random.nextInt(16)))
                .version(random.nextInt(500))
                .serializeType(random.nextBoolean() ? SerializeType.JSON : SerializeType.ROCKETMQ);
        if (random.nextBoolean()) {
            command.remark(text(random));
        }
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            command.extField("k" + random.nextInt(10) + text(random), text(random) + random.nextInt());
        }
        if (random.nextBoolean()) {
            byte[] body = new byte[random.nextInt(64)];
            random.nextBytes(body);
            command.body(body);
        }
        return command.build();
    }

    /** The frame of {@code command}, length field included. */
    public static byte[] frame(RemotingCommand command) {
        ByteBuf out = Unpooled.buffer();
        RemotingFrames.encode(command, out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    private static String text(SplittableRandom random) {
        return TEXT[random.nextInt(TEXT.length)];
    }
}
