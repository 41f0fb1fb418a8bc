package io.couriermq.remoting.protocol.header.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.RemotingCommand;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pull header against the client-built frame of Appendix A, and the sys-flag bits of §2.3.3. */
class PullMessageHeaderTest {
    private static final String APPENDIX_A_FRAME = "{\"code\":11,\"extFields\":{\"queueId\":\"0\","
            + "\"maxMsgBytes\":\"2147483647\",\"maxMsgNums\":\"32\",\"sysFlag\":\"2\","
            + "\"suspendTimeoutMillis\":\"15000\",\"commitOffset\":\"0\",\"bname\":\"broker-a\","
            + "\"topic\":\"TopicTest\",\"queueOffset\":\"0\",\"expressionType\":\"TAG\","
            + "\"subVersion\":\"1700000000000\",\"consumerGroup\":\"cg\"},\"flag\":0,\"language\":\"JAVA\","
            + "\"opaque\":9,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":453}";

    @Test
    void theAppendixAFrameParsesExactly() {
        RemotingCommand request = Frames.fromJsonHeader(APPENDIX_A_FRAME);

        PullMessageRequestHeader header = request.decodeHeader(PullMessageRequestHeader::decode);

        assertThat(header)
                .isEqualTo(new PullMessageRequestHeader(
                        "cg",
                        "TopicTest",
                        0,
                        0L,
                        32,
                        PullSysFlag.SUSPEND,
                        0L,
                        15_000L,
                        null,
                        1_700_000_000_000L,
                        "TAG",
                        Integer.MAX_VALUE,
                        "broker-a"));
        Map<String, String> written = new HashMap<>();
        header.writeTo(written);
        assertThat(written).isEqualTo(request.extFields());
    }

    @Test
    void pushAndLitePullFlagsHaveTheDocumentedValues() {
        assertThat(PullSysFlag.build(false, true, false, false)).isEqualTo(2);
        assertThat(PullSysFlag.build(true, true, false, false)).isEqualTo(3);
        assertThat(PullSysFlag.build(false, true, true, false, true)).isEqualTo(0x16);
        assertThat(PullSysFlag.build(true, true, true, true, true)).isEqualTo(0x1F);
    }

    @Test
    void eachBitIsReadOnItsOwn() {
        int litePull = 0x16;

        assertThat(PullSysFlag.hasCommitOffset(litePull)).isFalse();
        assertThat(PullSysFlag.hasSuspend(litePull)).isTrue();
        assertThat(PullSysFlag.hasSubscription(litePull)).isTrue();
        assertThat(PullSysFlag.hasClassFilter(litePull)).isFalse();
        assertThat(PullSysFlag.hasLitePull(litePull)).isTrue();
        assertThat(PullSysFlag.hasCommitOffset(3)).isTrue();
        assertThat(PullSysFlag.hasClassFilter(PullSysFlag.CLASS_FILTER)).isTrue();
    }

    @Test
    void clearingCommitOffsetKeepsTheOtherBits() {
        assertThat(PullSysFlag.clearCommitOffset(3)).isEqualTo(2);
        assertThat(PullSysFlag.clearCommitOffset(0x16)).isEqualTo(0x16);
    }
}
