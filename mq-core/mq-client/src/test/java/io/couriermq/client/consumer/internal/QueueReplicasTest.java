package io.couriermq.client.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.client.ClientException;
import io.couriermq.client.route.BrokerReplicas;
import io.couriermq.client.route.Replica;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueReplicasTest {
    private static final String MASTER = "10.0.0.1:10911";
    private static final String SLAVE = "10.0.0.2:10911";
    private static final MessageQueue QUEUE = new MessageQueue("Orders", "broker-a", 0);
    private static final MessageQueue OTHER_QUEUE = new MessageQueue("Orders", "broker-a", 1);

    private final Map<String, BrokerReplicas> sets = new HashMap<>();
    private final QueueReplicas replicas = new QueueReplicas((topic, brokerName) -> sets.get(brokerName));

    @Test
    void pullsGoToTheMasterUntilTheBrokerSuggestsASlave() {
        sets.put("broker-a", BrokerReplicas.of("broker-a", Map.of(0L, MASTER, 1L, SLAVE)));

        assertThat(replicas.forPull(QUEUE).address()).isEqualTo(MASTER);

        replicas.suggest(QUEUE, 1);

        assertThat(replicas.forPull(QUEUE)).isEqualTo(new Replica("broker-a", 1, SLAVE));
        assertThat(replicas.forPull(OTHER_QUEUE).address()).isEqualTo(MASTER);

        replicas.suggest(QUEUE, 0);

        assertThat(replicas.forPull(QUEUE).address()).isEqualTo(MASTER);
    }

    @Test
    void aSuggestedSlaveTheRouteNoLongerListsSendsPullsBackToTheMaster() {
        sets.put("broker-a", BrokerReplicas.of("broker-a", Map.of(0L, MASTER, 1L, SLAVE)));
        replicas.suggest(QUEUE, 1);
        sets.put("broker-a", BrokerReplicas.of("broker-a", Map.of(0L, MASTER)));

        assertThat(replicas.forPull(QUEUE).address()).isEqualTo(MASTER);
    }

    @Test
    void commitsGoToTheMasterWhileTheQueueIsReadFromASlave() {
        sets.put("broker-a", BrokerReplicas.of("broker-a", Map.of(0L, MASTER, 1L, SLAVE)));
        replicas.suggest(QUEUE, 1);

        assertThat(replicas.forOffsets(QUEUE).address()).isEqualTo(MASTER);
    }

    @Test
    void withoutAMasterCommitsGoToTheSlaveTheQueueIsReadFrom() {
        sets.put("broker-a", BrokerReplicas.of("broker-a", Map.of(1L, SLAVE, 2L, "10.0.0.3:10911")));

        assertThat(replicas.forOffsets(QUEUE).address()).isEqualTo(SLAVE);

        replicas.suggest(QUEUE, 2);

        assertThat(replicas.forOffsets(QUEUE)).isEqualTo(new Replica("broker-a", 2, "10.0.0.3:10911"));
        assertThat(replicas.forPull(QUEUE)).isEqualTo(new Replica("broker-a", 2, "10.0.0.3:10911"));
    }

    @Test
    void aSlaveThatDidNotAnswerLosesTheSuggestion() {
        sets.put("broker-a", BrokerReplicas.of("broker-a", Map.of(0L, MASTER, 1L, SLAVE)));
        replicas.suggest(QUEUE, 1);

        replicas.noAnswer(QUEUE, replicas.forPull(QUEUE));

        assertThat(replicas.suggestion(QUEUE)).isZero();
        assertThat(replicas.forPull(QUEUE).address()).isEqualTo(MASTER);
    }

    @Test
    void aSetNoRouteListsFailsRetriably() {
        assertThatThrownBy(() -> replicas.forPull(QUEUE))
                .isInstanceOfSatisfying(
                        ClientException.class, e -> assertThat(e.isRetriable()).isTrue())
                .hasMessageContaining("broker-a");
    }
}
