package io.couriermq.remoting.netty;

import static io.couriermq.remoting.netty.EmbeddedRemoting.pooled;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.testing.Bytes;
import io.couriermq.remoting.testing.LogCapture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Bytes that are not a remoting frame close the connection with one WARN line naming the reason; no
 * exception escapes the pipeline, no buffer is left behind, nothing is answered.
 */
class MalformedInputTest {
    private static final byte[] ROCKETMQ_EXAMPLE = Bytes.hex("0000002d 01000029 0069 00 01c5 00000007"
            + " 00000000 00000000 00000014 0005 \"topic\" 00000009 \"TopicTest\"");

    private final EmbeddedRemoting remoting = new EmbeddedRemoting();
    private final List<RemotingCommand> processed = new CopyOnWriteArrayList<>();
    private LogCapture logs;

    @BeforeEach
    void setUp() {
        logs = LogCapture.of("io.couriermq.remoting");
        remoting.register(105, (context, request) -> {
            processed.add(request);
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
        });
    }

    @AfterEach
    void tearDown() {
        logs.close();
    }

    static Stream<Arguments> malformedInputs() {
        return Stream.of(
                Arguments.of(
                        "garbage: an HTTP request",
                        "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                        "frame length exceeds"),
                // Netty reads the 4-byte length unsigned: -16 is 4294967280, plus the 4 bytes of the field itself
                Arguments.of(
                        "a negative length",
                        Bytes.hex("fffffff0 00000000 00000000"),
                        "frame length exceeds 16777220: 4294967284"),
                Arguments.of(
                        "a frame too short for its header-length field",
                        Bytes.hex("00000002 abcd"),
                        "too short for the header-length field"),
                Arguments.of(
                        "a header length larger than the frame",
                        Bytes.hex("00000008 00000100 01020304"),
                        "header length 256 exceeds the 4 bytes left"),
                Arguments.of(
                        "a binary header whose ext length overruns it",
                        patch(ROCKETMQ_EXAMPLE, 28, 0x30),
                        "length 48 of ext fields exceeds"),
                Arguments.of(
                        "a binary header whose ext value length overruns it",
                        patch(ROCKETMQ_EXAMPLE, 39, 0x99),
                        "ext value of 'topic'"),
                Arguments.of(
                        "a binary header shorter than its fixed part",
                        Bytes.frame(1, Bytes.hex("0069 00 01c5"), new byte[0]),
                        "shorter than its fixed part"),
                Arguments.of("a non-JSON header", Bytes.jsonFrame("hello, world"), "JSON header does not parse"),
                Arguments.of("a JSON header that is an array", Bytes.jsonFrame("[105,7,0]"), "not an object"),
                Arguments.of(
                        "a JSON header cut off",
                        Bytes.jsonFrame("{\"code\":105,\"extFields\":{\"top"),
                        "JSON header does not parse"),
                Arguments.of("a JSON header without code", Bytes.jsonFrame("{\"opaque\":7}"), "no 'code'"),
                Arguments.of(
                        "an unknown serialize type 7",
                        Bytes.frame(7, Bytes.hex("\"{}\""), new byte[0]),
                        "unknown serialize type 7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInputs")
    void closesTheConnectionWithOneWarningNamingTheReason(String description, byte[] input, String reason) {
        EmbeddedChannel channel = remoting.newChannel();
        ByteBuf bytes = pooled(input);

        channel.writeInbound(bytes);

        assertClosedWithOneWarning(channel, reason);
        assertThat(bytes.refCnt()).as("input buffer released").isZero();
        assertThat(processed).isEmpty();
    }

    /** Not read as a 369 MB frame length: the client would only fail after its request timeout. */
    @Test
    void aTlsClientHelloOnAPortWithTlsDisabledIsClosedAtOnceWithOneWarning() {
        EmbeddedChannel channel = remoting.newChannel();
        ByteBuf bytes = pooled(Bytes.hex("16030100c4 010000c0 0303 0102030405060708"));

        channel.writeInbound(bytes);

        assertThat(channel.isOpen()).as("connection closed").isFalse();
        channel.checkException();
        assertThat(EmbeddedRemoting.readWritten(channel)).as("nothing answered").isNull();
        assertThat(channel.finishAndReleaseAll()).isFalse();
        assertThat(bytes.refCnt()).isZero();
        assertThat(processed).isEmpty();
        assertThat(logs.warnings())
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .contains("TLS handshake on a port where TLS is disabled");
    }

    @Test
    void severalBadFramesInOneReadStillGiveOneWarning() {
        EmbeddedChannel channel = remoting.newChannel();
        byte[] bad = Bytes.frame(7, Bytes.hex("\"{}\""), new byte[0]);
        ByteBuf bytes = pooled(Bytes.concat(bad, bad, Bytes.jsonFrame("[]"), Bytes.hex("fffffff0")));

        channel.writeInbound(bytes);

        assertClosedWithOneWarning(channel, "unknown serialize type 7");
        assertThat(bytes.refCnt()).isZero();
    }

    @Test
    void aGoodFrameBeforeTheGarbageInTheSameReadIsStillDispatched() {
        EmbeddedChannel channel = remoting.newChannel();
        ByteBuf bytes = pooled(Bytes.concat(ROCKETMQ_EXAMPLE, Bytes.jsonFrame("not json")));

        channel.writeInbound(bytes);

        assertThat(processed).extracting(RemotingCommand::opaque).containsExactly(7);
        // answered here because the processor runs inline; on a real server its executor usually finds
        // the connection already closed, and the answer is dropped with it
        RemotingCommand response = EmbeddedRemoting.readWritten(channel);
        assertThat(response.opaque()).isEqualTo(7);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertClosedWithOneWarning(channel, "JSON header does not parse");
        assertThat(bytes.refCnt()).isZero();
    }

    @Test
    void anotherConnectionOnTheSameHandlersKeepsWorking() {
        EmbeddedChannel bad = remoting.newChannel();
        EmbeddedChannel good = remoting.newChannel();

        bad.writeInbound(pooled(Bytes.hex("fffffff0")));
        good.writeInbound(pooled(ROCKETMQ_EXAMPLE));

        assertThat(bad.isOpen()).isFalse();
        assertThat(good.isOpen()).isTrue();
        assertThat(EmbeddedRemoting.readWritten(good).opaque()).isEqualTo(7);
        assertThat(remoting.closedChannels).hasSize(1);
        good.finishAndReleaseAll();
    }

    /** A fuzzer's flood: each kind of bad input is logged once a minute, not once per connection. */
    @Test
    void tenThousandBadConnectionsLogABoundedNumberOfLines() {
        List<byte[]> kinds = List.of(
                Bytes.hex("fffffff0 00000000"),
                Bytes.jsonFrame("not json"),
                Bytes.frame(7, Bytes.hex("\"{}\""), new byte[0]),
                Bytes.hex("00000002 abcd"));
        // WARN only, and no paranoid leak tracking of 10,000 buffers (the other tests check release):
        // both would make this test slow, not stricter
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.couriermq.remoting")).setLevel(Level.WARN);
        ResourceLeakDetector.Level leakDetection = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        try {
            for (int i = 0; i < 10_000; i++) {
                EmbeddedChannel channel = remoting.newChannel();
                channel.writeInbound(Unpooled.wrappedBuffer(kinds.get(i % kinds.size())));
                assertThat(channel.isOpen()).isFalse();
                channel.finishAndReleaseAll();
            }
        } finally {
            ResourceLeakDetector.setLevel(leakDetection);
        }

        assertThat(remoting.closedChannels).hasSize(10_000);
        assertThat(logs.warnings())
                .as("one line per kind of bad input")
                .hasSizeLessThanOrEqualTo(kinds.size())
                .allSatisfy(line -> assertThat(line.getThrowableProxy()).isNull());
    }

    private void assertClosedWithOneWarning(EmbeddedChannel channel, String reason) {
        assertThat(channel.isOpen()).as("connection closed").isFalse();
        channel.checkException(); // throws if any exception reached the end of the pipeline
        assertThat(EmbeddedRemoting.readWritten(channel)).as("nothing answered").isNull();
        assertThat(channel.finishAndReleaseAll()).isFalse();
        List<ILoggingEvent> warnings = logs.warnings();
        assertThat(warnings).hasSize(1);
        ILoggingEvent warning = warnings.get(0);
        assertThat(warning.getLevel()).isEqualTo(Level.WARN);
        assertThat(warning.getLoggerName()).isEqualTo(ConnectionHandler.class.getName());
        assertThat(warning.getFormattedMessage()).contains("malformed frame").contains(reason);
        assertThat(warning.getThrowableProxy()).as("one line, no stack trace").isNull();
        assertThat(remoting.closedChannels).hasSize(1);
    }

    private static byte[] patch(byte[] frame, int offset, int value) {
        byte[] copy = frame.clone();
        copy[offset] = (byte) value;
        return copy;
    }
}
