package io.couriermq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET_BROKER_HA_STATUS: the property names RocketMQ 5.2.0's fastjson writes for HARuntimeInfo. */
class HaRuntimeInfoTest {

    @Test
    void masterViewHasRocketMqFieldNames() {
        HaRuntimeInfo info = new HaRuntimeInfo(
                true,
                4096,
                1,
                List.of(new HaRuntimeInfo.HaConnectionRuntimeInfo("127.0.0.1:50000", 4000, 96, true, 512, 0)),
                null);

        JsonNode json = RemotingJson.mapper().readTree(RemotingJson.encode(info));

        assertThat(json.propertyNames())
                .containsExactly("haConnectionInfo", "inSyncSlaveNums", "master", "masterCommitLogMaxOffset");
        assertThat(json.get("haConnectionInfo").get(0).propertyNames())
                .containsExactly(
                        "addr", "diff", "inSync", "slaveAckOffset", "transferFromWhere", "transferredByteInSecond");
        assertThat(json.get("master").booleanValue()).isTrue();
        assertThat(json.get("haConnectionInfo").get(0).get("inSync").booleanValue())
                .isTrue();
    }

    @Test
    void slaveViewHasRocketMqFieldNames() {
        HaRuntimeInfo info = new HaRuntimeInfo(
                false, 4096, 0, List.of(), new HaRuntimeInfo.HaClientRuntimeInfo("127.0.0.1:10912", 10, 4000, 1, 2, 0));

        JsonNode json = RemotingJson.mapper().readTree(RemotingJson.encode(info));

        assertThat(json.propertyNames())
                .containsExactly(
                        "haClientRuntimeInfo",
                        "haConnectionInfo",
                        "inSyncSlaveNums",
                        "master",
                        "masterCommitLogMaxOffset");
        assertThat(json.get("haClientRuntimeInfo").propertyNames())
                .containsExactly(
                        "lastReadTimestamp",
                        "lastWriteTimestamp",
                        "masterAddr",
                        "masterFlushOffset",
                        "maxOffset",
                        "transferredByteInSecond");
    }

    /** What an official 5.2.0 broker sends (captured from HARuntimeInfo.toJson()) reads back field for field. */
    @Test
    void readsTheOfficialEncoding() {
        String official = "{\"haClientRuntimeInfo\":{\"lastReadTimestamp\":0,\"lastWriteTimestamp\":0,"
                + "\"masterFlushOffset\":0,\"maxOffset\":0,\"transferredByteInSecond\":0},\"haConnectionInfo\":"
                + "[{\"addr\":\"1.2.3.4:5\",\"diff\":0,\"inSync\":false,\"slaveAckOffset\":0,\"transferFromWhere\":0,"
                + "\"transferredByteInSecond\":0}],\"inSyncSlaveNums\":0,\"master\":false,\"masterCommitLogMaxOffset\":0}";

        HaRuntimeInfo read = Json.read(official, HaRuntimeInfo.class);

        assertThat(read.haConnectionInfo())
                .extracting(HaRuntimeInfo.HaConnectionRuntimeInfo::addr)
                .containsExactly("1.2.3.4:5");
        assertThat(read.haClientRuntimeInfo().masterAddr()).isNull();
        assertThat(Json.write(read)).isEqualTo(official);
    }
}
