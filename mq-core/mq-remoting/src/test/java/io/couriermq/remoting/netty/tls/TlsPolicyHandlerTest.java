package io.couriermq.remoting.netty.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.codec.RemotingFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The first-byte decision of every server connection, on embedded channels. */
class TlsPolicyHandlerTest {
    private static final byte[] CLIENT_HELLO_START = {0x16, 0x03, 0x01, 0x00, (byte) 0xc4, 0x01};

    @TempDir
    static Path dir;

    private static SslContext context;

    @BeforeAll
    static void makeContext() throws Exception {
        TestCertificates pki = TestCertificates.createIn(dir);
        context = SslContextBuilder.forServer(
                        pki.pem("server").certChain().toFile(),
                        pki.pem("server").privateKey().toFile())
                .build();
    }

    @Test
    void noRemotingFrameUpToTheDefaultLimitStartsLikeTls() {
        int limit = 16 * 1024 * 1024;
        IntStream.of(8, 100, 4096, 65_536, 1 << 20, limit - 1, limit).forEach(length -> {
            ByteBuf frame = Unpooled.buffer(4).writeInt(length);
            assertThat(TlsPolicyHandler.startsTls(frame))
                    .as("frame of %d bytes", length)
                    .isFalse();
        });
        // a real frame, as our encoder writes it
        ByteBuf real = Unpooled.buffer();
        RemotingFrames.encodeHead(RemotingCommand.request(105).build(), real);
        assertThat(TlsPolicyHandler.startsTls(real)).isFalse();
        assertThat(TlsPolicyHandler.startsTls(Unpooled.wrappedBuffer(CLIENT_HELLO_START)))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = TlsMode.class,
            names = {"DISABLED", "PERMISSIVE"})
    void aPlainFramePassesWhereTlsIsNotRequiredAndTheHandlerLeaves(TlsMode mode) {
        EmbeddedChannel channel = channel(mode);
        ByteBuf frame = Unpooled.buffer().writeInt(4).writeInt(0);

        channel.writeInbound(frame);

        ByteBuf passed = channel.readInbound();
        assertThat(passed.getInt(0)).isEqualTo(4);
        passed.release();
        assertThat(channel.pipeline().get(TlsPolicyHandler.class)).isNull();
        assertThat(channel.pipeline().get(SslHandler.class)).isNull();
        assertThat(channel.isOpen()).isTrue();
        channel.finishAndReleaseAll();
    }

    @ParameterizedTest
    @EnumSource(
            value = TlsMode.class,
            names = {"PERMISSIVE", "ENFORCING"})
    void aTlsHelloGetsAnSslHandlerInTheHandlersPlace(TlsMode mode) {
        EmbeddedChannel channel = channel(mode);

        channel.writeInbound(Unpooled.wrappedBuffer(CLIENT_HELLO_START));

        assertThat(channel.pipeline().get(TlsPolicyHandler.class)).isNull();
        assertThat(channel.pipeline().get(TlsPolicyHandler.SSL_HANDLER_NAME)).isInstanceOf(SslHandler.class);
        channel.finishAndReleaseAll();
    }

    @Test
    void enforcingRefusesAPlainFrame() {
        EmbeddedChannel channel = channel(TlsMode.ENFORCING);

        assertThatThrownBy(
                        () -> channel.writeInbound(Unpooled.buffer().writeInt(4).writeInt(0)))
                .isInstanceOf(TlsPolicyException.class)
                .hasMessageContaining("tls.server.mode=enforcing");
        assertThat((Object) channel.readInbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void disabledRefusesATlsHello() {
        EmbeddedChannel channel = channel(TlsMode.DISABLED);

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(CLIENT_HELLO_START)))
                .isInstanceOf(TlsPolicyException.class)
                .hasMessageContaining("tls.server.mode=disabled");
        assertThat((Object) channel.readInbound()).isNull();
        channel.finishAndReleaseAll();
    }

    private static EmbeddedChannel channel(TlsMode mode) {
        return new EmbeddedChannel(new TlsPolicyHandler(mode, mode == TlsMode.DISABLED ? null : context));
    }
}
