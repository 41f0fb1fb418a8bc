package io.couriermq.client.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AllocationStrategyTest {

    private static List<MessageQueue> queues(int n) {
        return IntStream.range(0, n)
                .mapToObj(id -> new MessageQueue("T", "broker-a", id))
                .toList();
    }

    private static List<String> members(int c) {
        return IntStream.range(0, c)
                .mapToObj(i -> "10.0.0." + i + "@c")
                .sorted()
                .toList();
    }

    private static List<Integer> ids(List<MessageQueue> queues) {
        return queues.stream().map(MessageQueue::queueId).toList();
    }

    @Test
    void averageGivesContiguousBlocksWithTheRemainderToTheFirstMembers() {
        AllocationStrategy average = AllocationStrategy.average();
        List<String> members = members(3);
        // n = 8, c = 3: q = 2, r = 2 -> 3, 3, 2
        assertThat(ids(average.allocate("g", members.get(0), queues(8), members)))
                .containsExactly(0, 1, 2);
        assertThat(ids(average.allocate("g", members.get(1), queues(8), members)))
                .containsExactly(3, 4, 5);
        assertThat(ids(average.allocate("g", members.get(2), queues(8), members)))
                .containsExactly(6, 7);
    }

    @Test
    void averageWithNoMoreQueuesThanMembersGivesOneQueueToEachOfTheFirst() {
        AllocationStrategy average = AllocationStrategy.average();
        List<String> members = members(5);
        assertThat(ids(average.allocate("g", members.get(0), queues(3), members)))
                .containsExactly(0);
        assertThat(ids(average.allocate("g", members.get(2), queues(3), members)))
                .containsExactly(2);
        assertThat(average.allocate("g", members.get(3), queues(3), members)).isEmpty();
        assertThat(average.allocate("g", members.get(4), queues(3), members)).isEmpty();
        assertThat(ids(average.allocate("g", members.get(1), queues(5), members)))
                .containsExactly(1);
    }

    @Test
    void averageOfAnUnknownMemberIsEmpty() {
        assertThat(AllocationStrategy.average().allocate("g", "stranger", queues(4), members(2)))
                .isEmpty();
    }

    @Test
    void everyStrategyCoversEveryQueueExactlyOnce() {
        for (AllocationStrategy strategy : List.of(AllocationStrategy.average(), AllocationStrategy.consistentHash())) {
            for (int c = 1; c <= 7; c++) {
                for (int n = 0; n <= 17; n++) {
                    List<String> members = members(c);
                    List<MessageQueue> all = new ArrayList<>();
                    for (String member : members) {
                        all.addAll(strategy.allocate("g", member, queues(n), members));
                    }
                    assertThat(all)
                            .as(strategy.name() + " n=" + n + " c=" + c)
                            .containsExactlyInAnyOrderElementsOf(queues(n));
                }
            }
        }
    }

    @Test
    void consistentHashMovesOnlyQueuesToTheMemberThatJoined() {
        AllocationStrategy hash = AllocationStrategy.consistentHash();
        List<MessageQueue> queues = queues(64);
        List<String> before = members(3);
        List<String> after = new ArrayList<>(before);
        after.add("10.0.0.99@joiner");
        after.sort(null);
        Map<MessageQueue, String> ownerBefore = owners(hash, queues, before);
        Map<MessageQueue, String> ownerAfter = owners(hash, queues, after);

        long moved = queues.stream()
                .filter(queue -> !ownerBefore.get(queue).equals(ownerAfter.get(queue)))
                .count();
        assertThat(queues).allSatisfy(queue -> {
            if (!ownerBefore.get(queue).equals(ownerAfter.get(queue))) {
                assertThat(ownerAfter.get(queue)).isEqualTo("10.0.0.99@joiner");
            }
        });
        assertThat(moved).isPositive().isLessThan(queues.size() / 2);
    }

    private static Map<MessageQueue, String> owners(
            AllocationStrategy strategy, List<MessageQueue> queues, List<String> members) {
        Map<MessageQueue, String> owners = new HashMap<>();
        for (String member : members) {
            strategy.allocate("g", member, queues, members).forEach(queue -> owners.put(queue, member));
        }
        return owners;
    }
}
