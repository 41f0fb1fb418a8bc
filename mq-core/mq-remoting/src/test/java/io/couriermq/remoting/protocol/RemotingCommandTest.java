package io.couriermq.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How requests and responses are built: opaque, flags and serialize type follow the protocol rules. */
class RemotingCommandTest {

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void responseKeepsTheRequestsSerializeTypeAndOpaque(SerializeType type) {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                .serializeType(type)
                .build();

        RemotingCommand response =
                RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();

        assertThat(response.serializeType()).isEqualTo(type);
        assertThat(response.opaque()).isEqualTo(request.opaque());
        assertThat(response.isResponse()).isTrue();
        assertThat(response.isOneway()).isFalse();
        assertThat(response.version()).isEqualTo(RemotingCommand.PROTOCOL_VERSION);
    }

    @Test
    void requestsGetDistinctOpaquesAndNoResponseFlag() {
        RemotingCommand first = RemotingCommand.request(34).build();
        RemotingCommand second = RemotingCommand.request(34).build();

        assertThat(first.opaque()).isNotEqualTo(second.opaque());
        assertThat(first.flag()).isZero();
        assertThat(first.serializeType()).isEqualTo(SerializeType.JSON);
    }

    @Test
    void asOnewaySetsBitOneAndKeepsEverythingElse() {
        RemotingCommand request = RemotingCommand.request(15)
                .extField("topic", "T")
                .remark("r")
                .body(new byte[] {1, 2})
                .serializeType(SerializeType.ROCKETMQ)
                .build();

        RemotingCommand oneway = request.asOneway();

        assertThat(oneway.flag()).isEqualTo(2);
        assertThat(oneway.isOneway()).isTrue();
        assertThat(oneway.opaque()).isEqualTo(request.opaque());
        assertThat(oneway.extFields()).isEqualTo(request.extFields());
        assertThat(oneway.remark()).isEqualTo("r");
        assertThat(oneway.body()).containsExactly(1, 2);
        assertThat(oneway.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
        assertThat(request.isOneway()).as("the original is unchanged").isFalse();
    }

    @Test
    void nullExtFieldValuesAreLeftOut() {
        RemotingCommand command = RemotingCommand.request(34)
                .extField("present", "x")
                .extField("absent", null)
                .build();

        assertThat(command.extFields()).containsOnlyKeys("present");
    }

    @Test
    void extFieldsCannotBeModifiedAfterBuilding() {
        RemotingCommand command = RemotingCommand.request(34).extField("a", "b").build();

        assertThatThrownBy(() -> command.extFields().put("c", "d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringNamesTheCodeButNeverPrintsTheBody() {
        RemotingCommand command = RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                .body("secret-payload".getBytes(StandardCharsets.UTF_8))
                .build();

        assertThat(command.toString())
                .contains("SEND_MESSAGE_V2(310)")
                .contains("body=14B")
                .doesNotContain("secret-payload");
    }
}
