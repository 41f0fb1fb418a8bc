package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.SerializeType;
import io.couriermq.remoting.testing.Bytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every answer is written in the serialize type of its request, checked on the wire bytes. */
class SerializeTypeIT {
    private static final byte[] ROCKETMQ_EXAMPLE = Bytes.hex("0000002d 01000029 0069 00 01c5 00000007"
            + " 00000000 00000000 00000014 0005 \"topic\" 00000009 \"TopicTest\"");
    private static final byte[] JSON_EXAMPLE = Bytes.jsonFrame("{\"code\":105,\"extFields\":{\"topic\":\"TopicTest\"},"
            + "\"flag\":0,\"language\":\"JAVA\",\"opaque\":7,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":453}");

    private LocalRemoting remoting;

    @BeforeEach
    void setUp() {
        remoting = new LocalRemoting();
        remoting.register(RequestCode.GET_ROUTEINFO_BY_TOPIC.code(), (context, request) -> RemotingCommand.responseTo(
                        request, ResponseCode.SUCCESS)
                .extField("echo", request.extField("topic"))
                .body("{}".getBytes(StandardCharsets.UTF_8))
                .build());
    }

    @AfterEach
    void tearDown() {
        remoting.close();
    }

    @Test
    void rocketmqFrameOfTheOfficialClientIsAnsweredInRocketmqType() {
        byte[] answer = exchange(ROCKETMQ_EXAMPLE);

        assertThat(answer[4]).as("serialize type byte").isEqualTo((byte) 1);
        RemotingCommand response = Bytes.decode(answer);
        assertThat(response.opaque()).isEqualTo(7);
        assertThat(response.isResponse()).isTrue();
        assertThat(response.extField("echo")).isEqualTo("TopicTest");
        assertThat(response.version()).isEqualTo(RemotingCommand.PROTOCOL_VERSION);
    }

    @Test
    void jsonFrameOfTheOfficialClientIsAnsweredInJsonType() {
        byte[] answer = exchange(JSON_EXAMPLE);

        assertThat(answer[4]).as("serialize type byte").isEqualTo((byte) 0);
        String header = new String(answer, 8, answer.length - 8 - 2, StandardCharsets.UTF_8);
        assertThat(header).startsWith("{\"code\":0,").contains("\"flag\":1").contains("\"opaque\":7");
    }

    @Test
    void errorAnswersKeepTheRequestsTypeToo() {
        byte[] unknownCode = ROCKETMQ_EXAMPLE.clone();
        unknownCode[9] = 0x70; // code 0x0070 = 112, which nobody handles

        byte[] answer = exchange(unknownCode);

        assertThat(answer[4]).isEqualTo((byte) 1);
        assertThat(Bytes.decode(answer).remark()).isEqualTo(" request type 112 not supported");
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void clientGetsTheResponseInTheTypeItSent(SerializeType type) {
        RemotingCommand response = remoting.client.invokeSync(
                remoting.address(),
                RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                        .extField("topic", "T")
                        .serializeType(type)
                        .build(),
                3_000);

        assertThat(response.serializeType()).isEqualTo(type);
        assertThat(response.extField("echo")).isEqualTo("T");
    }

    private byte[] exchange(byte[] request) {
        try (RawConnection raw = new RawConnection(remoting.port())) {
            raw.send(request);
            return raw.readFrame();
        }
    }
}
