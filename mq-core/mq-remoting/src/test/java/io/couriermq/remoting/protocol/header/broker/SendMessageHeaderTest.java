package io.couriermq.remoting.protocol.header.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The send headers against the frames a real 5.2.0 client and broker produce (doc §2.3.2, Appendix A). */
class SendMessageHeaderTest {
    private static final String PROPERTIES =
            "TAGS\u0001TagA\u0002KEYS\u0001k1\u0002WAIT\u0001true\u0002UNIQ_KEY\u00017F00000100002A9F0000000000000001\u0002";

    /** §2.3.2: the ext fields of a SEND_MESSAGE_V2 request, control characters escaped as the client does. */
    private static final String V2_FRAME = "{\"code\":310,\"extFields\":{\"a\":\"pg\",\"b\":\"TopicTest\","
            + "\"c\":\"TBW102\",\"d\":\"4\",\"e\":\"1\",\"f\":\"0\",\"g\":\"1700000000000\",\"h\":\"0\","
            + "\"i\":\"TAGS\\u0001TagA\\u0002KEYS\\u0001k1\\u0002WAIT\\u0001true\\u0002"
            + "UNIQ_KEY\\u00017F00000100002A9F0000000000000001\\u0002\","
            + "\"j\":\"0\",\"k\":\"false\",\"m\":\"false\",\"n\":\"broker-a\"},"
            + "\"flag\":0,\"language\":\"JAVA\",\"opaque\":8,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":453}";

    /** Appendix A: a SEND response as the official broker writes it. */
    private static final String RESPONSE_FRAME = "{\"code\":0,\"extFields\":{\"queueId\":\"1\","
            + "\"transactionId\":\"0A0000010000000000000001\",\"msgId\":\"0A00000100002A9F0000000000000000\","
            + "\"TRACE_ON\":\"true\",\"MSG_REGION\":\"DefaultRegion\",\"queueOffset\":\"0\"},\"flag\":1,"
            + "\"language\":\"JAVA\",\"opaque\":8,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":453}";

    private static final SendMessageRequestHeader EXPECTED = new SendMessageRequestHeader(
            "pg", "TopicTest", "TBW102", 4, 1, 0, 1_700_000_000_000L, 0, PROPERTIES, 0, false, null, false, "broker-a");

    @Test
    void theVerifiedV2ExampleParsesExactly() {
        RemotingCommand request = Frames.fromJsonHeader(V2_FRAME);

        SendMessageRequestHeader header = request.decodeHeader(SendMessageRequestHeader.decoderFor(request.code()));

        assertThat(header).isEqualTo(EXPECTED);
    }

    @Test
    void writingV2ReproducesTheClientsExtFields() {
        Map<String, String> written = new HashMap<>();
        EXPECTED.writeV2(written);

        assertThat(written).isEqualTo(Frames.fromJsonHeader(V2_FRAME).extFields());
    }

    @Test
    void v1AndV2AreTheSameLogicalHeader() {
        RemotingCommand v1 = RemotingCommand.request(RequestCode.SEND_MESSAGE)
                .header(EXPECTED)
                .build();
        RemotingCommand v2 = RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                .header(EXPECTED.v2())
                .build();

        assertThat(v1.extFields()).containsEntry("bname", "broker-a").doesNotContainKeys("a", "n");
        assertThat(v2.extFields()).containsEntry("n", "broker-a").doesNotContainKeys("bname", "producerGroup");
        assertThat(v1.decodeHeader(SendMessageRequestHeader.decoderFor(v1.code())))
                .isEqualTo(v2.decodeHeader(SendMessageRequestHeader.decoderFor(v2.code())));
    }

    @Test
    void theDecoderFollowsTheRequestCode() {
        assertThat(SendMessageRequestHeader.decoderFor(RequestCode.SEND_BATCH_MESSAGE.code()))
                .isNotNull();
        assertThat(SendMessageRequestHeader.decoderFor(RequestCode.SEND_REPLY_MESSAGE_V2.code()))
                .isNotNull();
        assertThatThrownBy(() -> SendMessageRequestHeader.decoderFor(RequestCode.PULL_MESSAGE.code()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PULL_MESSAGE");
    }

    @Test
    void aV2HeaderWithBnameInsteadOfNKeepsTheBrokerName() {
        Map<String, String> fields =
                new HashMap<>(Frames.fromJsonHeader(V2_FRAME).extFields());
        fields.remove("n");
        fields.put("bname", "broker-b");
        RemotingCommand request = RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                .extFields(fields)
                .build();

        assertThat(request.decodeHeader(SendMessageRequestHeader::decodeV2).brokerName())
                .isEqualTo("broker-b");
    }

    @Test
    void theOfficialResponseParsesWithRegionAndTrace() {
        RemotingCommand response = Frames.fromJsonHeader(RESPONSE_FRAME);

        SendMessageResponseHeader header = response.decodeHeader(SendMessageResponseHeader::decode);

        assertThat(header)
                .isEqualTo(new SendMessageResponseHeader(
                        "0A00000100002A9F0000000000000000",
                        1,
                        0L,
                        "0A0000010000000000000001",
                        null,
                        SendMessageResponseHeader.DEFAULT_REGION,
                        true));
        Map<String, String> written = new HashMap<>();
        header.writeTo(written);
        assertThat(written).isEqualTo(response.extFields());
    }
}
