package io.couriermq.remoting.protocol.header.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RemotingCommandException;
import io.couriermq.remoting.protocol.RequestCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Defaults and leniencies of the offset headers that 4.9 and 5.x clients send differently (§2.3.4). */
class OffsetHeadersTest {

    private static RemotingCommand.Builder search() {
        return RemotingCommand.request(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP)
                .extField("topic", "T")
                .extField("queueId", "0")
                .extField("timestamp", "1700000000000");
    }

    @ParameterizedTest
    @CsvSource({"LOWER, LOWER", "lower, LOWER", "Upper, UPPER", "UPPER, UPPER", "' upper ', UPPER"})
    void boundaryTypeIsCaseInsensitive(String sent, BoundaryType expected) {
        RemotingCommand request = search().extField("boundaryType", sent).build();

        assertThat(request.decodeHeader(SearchOffsetRequestHeader::decode).boundaryType())
                .isEqualTo(expected);
    }

    @Test
    void aSearchWithoutBoundaryTypeIsLower() {
        SearchOffsetRequestHeader header = search().build().decodeHeader(SearchOffsetRequestHeader::decode);

        assertThat(header.boundaryType()).isEqualTo(BoundaryType.LOWER);
        assertThat(header.brokerName()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MIDDLE", "0"})
    void anUnknownBoundaryTypeIsNamed(String sent) {
        RemotingCommand request = search().extField("boundaryType", sent).build();

        assertThatThrownBy(() -> request.decodeHeader(SearchOffsetRequestHeader::decode))
                .isInstanceOf(RemotingCommandException.class)
                .hasMessageContaining("'boundaryType'");
    }

    @Test
    void aMaxOffsetRequestFromA49ClientAsksForTheCommittedOffset() {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_MAX_OFFSET)
                .extField("topic", "T")
                .extField("queueId", "1")
                .build();

        assertThat(request.decodeHeader(GetMaxOffsetRequestHeader::decode))
                .isEqualTo(new GetMaxOffsetRequestHeader("T", 1, true, null));
    }

    @Test
    void aMalformedNumberIsNamed() {
        RemotingCommand request = RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET)
                .extField("consumerGroup", "cg")
                .extField("topic", "T")
                .extField("queueId", "0")
                .extField("commitOffset", "ten")
                .build();

        assertThatThrownBy(() -> request.decodeHeader(UpdateConsumerOffsetRequestHeader::decode))
                .isInstanceOf(RemotingCommandException.class)
                .hasMessageContaining("'commitOffset'");
    }
}
