package io.couriermq.client.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerReplicasTest {
    private static final String MASTER = "10.0.0.1:10911";
    private static final String SLAVE_1 = "10.0.0.2:10911";
    private static final String SLAVE_2 = "10.0.0.3:10911";

    private final BrokerReplicas full = BrokerReplicas.of("broker-a", Map.of(0L, MASTER, 1L, SLAVE_1, 2L, SLAVE_2));
    private final BrokerReplicas slavesOnly = BrokerReplicas.of("broker-a", Map.of(2L, SLAVE_2, 1L, SLAVE_1));

    @Test
    void aPullFollowsTheSuggestionWhenTheRouteHasThatMember() {
        assertThat(full.forPull(2)).isEqualTo(new Replica("broker-a", 2, SLAVE_2));
        assertThat(full.forPull(0)).isEqualTo(new Replica("broker-a", 0, MASTER));
    }

    @Test
    void aSuggestedMemberTheRouteLacksSendsThePullToTheMaster() {
        assertThat(full.forPull(7)).isEqualTo(new Replica("broker-a", 0, MASTER));
    }

    @Test
    void withoutAMasterAPullGoesToTheSuggestedSlaveElseTheLowestSlave() {
        assertThat(slavesOnly.forPull(2)).isEqualTo(new Replica("broker-a", 2, SLAVE_2));
        assertThat(slavesOnly.forPull(0)).isEqualTo(new Replica("broker-a", 1, SLAVE_1));
        assertThat(slavesOnly.forPull(9)).isEqualTo(new Replica("broker-a", 1, SLAVE_1));
    }

    @Test
    void offsetsGoToTheMasterEvenWhileReadingFromASlave() {
        Replica target = full.forOffsets(2);

        assertThat(target.isMaster()).isTrue();
        assertThat(target.address()).isEqualTo(MASTER);
    }

    @Test
    void withoutAMasterOffsetsGoToTheSlaveReadFromElseTheLowest() {
        assertThat(slavesOnly.forOffsets(2)).isEqualTo(new Replica("broker-a", 2, SLAVE_2));
        assertThat(slavesOnly.forOffsets(0)).isEqualTo(new Replica("broker-a", 1, SLAVE_1));
    }

    @Test
    void aSetNeedsAtLeastOneMember() {
        assertThatThrownBy(() -> BrokerReplicas.of("broker-a", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broker-a");
    }
}
