package io.couriermq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** LOCK_BATCH_MQ / UNLOCK_BATCH_MQ bodies: the verified examples of doc §3.6. */
class LockBatchBodyTest {
    private static final String REQUEST = "{\"clientId\":\"cid\",\"consumerGroup\":\"cg\",\"mqSet\":[{\"brokerName\":"
            + "\"broker-a\",\"queueId\":0,\"topic\":\"TopicTest\"}],\"onlyThisBroker\":false}";
    private static final String RESPONSE =
            "{\"lockOKMQSet\":[{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"TopicTest\"}]}";
    private static final MessageQueue QUEUE = new MessageQueue("TopicTest", "broker-a", 0);

    @Test
    void theRequestExampleParsesAndIsWrittenBackExactly() {
        LockBatchRequestBody body = Json.read(REQUEST, LockBatchRequestBody.class);

        assertThat(body).isEqualTo(new LockBatchRequestBody("cg", "cid", false, Set.of(QUEUE)));
        assertThat(Json.write(body)).isEqualTo(REQUEST);
    }

    @Test
    void theResponseExampleParsesAndIsWrittenBackExactly() {
        LockBatchResponseBody body = Json.read(RESPONSE, LockBatchResponseBody.class);

        assertThat(body.lockOkMqSet()).containsExactly(QUEUE);
        assertThat(Json.write(body)).isEqualTo(RESPONSE);
    }

    @Test
    void a498RequestWithoutOnlyThisBrokerParses() {
        String v4 = REQUEST.replace(",\"onlyThisBroker\":false", "");

        assertThat(Json.read(v4, LockBatchRequestBody.class))
                .isEqualTo(new LockBatchRequestBody("cg", "cid", false, Set.of(QUEUE)));
    }

    @Test
    void theUnlockBodyHasTheSameShape() {
        UnlockBatchRequestBody body = Json.read(REQUEST, UnlockBatchRequestBody.class);

        assertThat(body).isEqualTo(new UnlockBatchRequestBody("cg", "cid", false, Set.of(QUEUE)));
        assertThat(Json.write(body)).isEqualTo(REQUEST);
    }

    @Test
    void anEmptyResponseIsAnEmptyArray() {
        assertThat(Json.write(new LockBatchResponseBody(null))).isEqualTo("{\"lockOKMQSet\":[]}");
    }
}
