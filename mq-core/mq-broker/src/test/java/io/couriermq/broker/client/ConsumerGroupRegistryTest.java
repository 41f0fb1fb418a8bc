package io.couriermq.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.remoting.protocol.body.ConsumeType;
import io.couriermq.remoting.protocol.body.ConsumerConnection;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.MessageModel;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.rpc.RemotingChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsumerGroupRegistryTest {
    private record Notification(String group, List<RemotingChannel> channels) {}

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final List<Notification> notifications = new ArrayList<>();
    private final ConsumerGroupRegistry registry =
            new ConsumerGroupRegistry(clock, (group, channels) -> notifications.add(new Notification(group, channels)));
    private final FakeRemotingChannel channelA = new FakeRemotingChannel("10.0.0.1:1001");
    private final FakeRemotingChannel channelB = new FakeRemotingChannel("10.0.0.2:1002");
    private final ClientIdentity clientA = new ClientIdentity(channelA, "10.0.0.1@a", LanguageCode.JAVA, 453);
    private final ClientIdentity clientB = new ClientIdentity(channelB, "10.0.0.2@b", LanguageCode.JAVA, 409);

    @Test
    void aJoiningMemberNotifiesEveryMemberIncludingItself() {
        assertThat(registry.register(clientA, consumer("cg", sub("TopicTest", "*", 1)), false))
                .isTrue();
        assertThat(registry.register(clientB, consumer("cg", sub("TopicTest", "*", 1)), false))
                .isTrue();

        assertThat(notifications).hasSize(2);
        assertThat(notifications.get(0).channels()).containsExactly(channelA);
        assertThat(notifications.get(1).group()).isEqualTo("cg");
        assertThat(notifications.get(1).channels()).containsExactlyInAnyOrder(channelA, channelB);
        assertThat(registry.consumerIds("cg")).containsExactly("10.0.0.1@a", "10.0.0.2@b");
    }

    @Test
    void anUnchangedHeartbeatNotifiesNobody() {
        registry.register(clientA, consumer("cg", sub("TopicTest", "*", 1)), false);
        notifications.clear();

        clock.advanceMillis(30_000);
        assertThat(registry.register(clientA, consumer("cg", sub("TopicTest", "*", 1)), false))
                .isFalse();

        assertThat(notifications).isEmpty();
    }

    @Test
    void theHighestSubVersionWinsAndALateHeartbeatDoesNotRollItBack() {
        registry.register(clientA, consumer("cg", sub("TopicTest", "TagA", 100)), false);
        registry.register(clientB, consumer("cg", sub("TopicTest", "TagA", 300)), false);
        registry.register(clientA, consumer("cg", sub("TopicTest", "TagA", 200)), false);

        assertThat(registry.subscription("cg", "TopicTest").orElseThrow().subVersion())
                .isEqualTo(300);
    }

    @Test
    void aSubVersionBumpAloneIsNotAChangeButIsKept() {
        registry.register(clientA, consumer("cg", sub("TopicTest", "TagA", 100)), false);
        notifications.clear();

        assertThat(registry.register(clientA, consumer("cg", sub("TopicTest", "TagA", 101)), false))
                .isFalse();

        assertThat(notifications)
                .as("clients bump subVersion after each rebalance")
                .isEmpty();
        assertThat(registry.subscription("cg", "TopicTest").orElseThrow().subVersion())
                .isEqualTo(101);
    }

    @Test
    void aNewExpressionOrTopicSetIsAChange() {
        registry.register(clientA, consumer("cg", sub("TopicTest", "TagA", 100)), false);
        notifications.clear();

        registry.register(clientA, consumer("cg", sub("TopicTest", "TagB", 101)), false);
        registry.register(clientA, consumer("cg", sub("TopicTest", "TagB", 101), sub("Other", "*", 101)), false);
        registry.register(clientA, consumer("cg", sub("Other", "*", 101)), false);

        assertThat(notifications).hasSize(3);
        assertThat(registry.subscription("cg", "TopicTest")).as("dropped topic").isEmpty();
        assertThat(registry.subscription("cg", "Other")).isPresent();
    }

    @Test
    void aHeartbeatWithoutSubscriptionsKeepsTheStoredOnes() {
        registry.register(clientA, consumer("cg", sub("TopicTest", "TagA", 100)), false);

        registry.register(clientA, consumer("cg"), true);

        assertThat(registry.subscription("cg", "TopicTest")).isPresent();
    }

    @Test
    void aClosedConnectionLeavesEveryGroupAndTheRestAreNotified() {
        registry.register(clientA, consumer("cg", sub("TopicTest", "*", 1)), false);
        registry.register(clientA, consumer("other", sub("TopicTest", "*", 1)), false);
        registry.register(clientB, consumer("cg", sub("TopicTest", "*", 1)), false);
        notifications.clear();

        registry.channelClosed(channelA);

        assertThat(registry.consumerIds("cg")).containsExactly("10.0.0.2@b");
        assertThat(registry.consumerIds("other")).isEmpty();
        assertThat(registry.groups()).containsExactly("cg");
        assertThat(registry.subscription("other", "TopicTest"))
                .as("a group nobody is in subscribes to nothing")
                .isEmpty();
        assertThat(notifications).containsExactly(new Notification("cg", List.of(channelB)));
    }

    @Test
    void unregisterRemovesTheGhostAndNotifiesTheRest() {
        registry.register(clientA, consumer("cg", sub("TopicTest", "*", 1)), false);
        registry.register(clientB, consumer("cg", sub("TopicTest", "*", 1)), false);
        notifications.clear();

        assertThat(registry.unregister("cg", "10.0.0.1@a")).isTrue();
        assertThat(registry.unregister("cg", "10.0.0.1@a")).isFalse();
        assertThat(registry.unregister("unknown", "10.0.0.1@a")).isFalse();

        assertThat(registry.consumerIds("cg")).containsExactly("10.0.0.2@b");
        assertThat(notifications).containsExactly(new Notification("cg", List.of(channelB)));
    }

    @Test
    void membersSilentLongerThanTheIdleTimeExpire() {
        registry.register(clientA, consumer("cg", sub("TopicTest", "*", 1)), false);
        registry.register(clientB, consumer("cg", sub("TopicTest", "*", 1)), false);
        notifications.clear();

        clock.advanceMillis(90_000);
        registry.register(clientB, consumer("cg", sub("TopicTest", "*", 1)), false);
        assertThat(registry.expireSilent(120_000)).isEmpty();
        clock.advanceMillis(30_001);
        List<ClientChannelInfo> expired = registry.expireSilent(120_000);

        assertThat(expired).extracting(info -> info.identity().clientId()).containsExactly("10.0.0.1@a");
        assertThat(registry.consumerIds("cg")).containsExactly("10.0.0.2@b");
        assertThat(notifications).containsExactly(new Notification("cg", List.of(channelB)));
    }

    @Test
    void consumerIdsAreSortedAndDistinct() {
        FakeRemotingChannel second = new FakeRemotingChannel("10.0.0.1:1003");
        registry.register(clientB, consumer("cg"), false);
        registry.register(clientA, consumer("cg"), false);
        registry.register(new ClientIdentity(second, "10.0.0.1@a", LanguageCode.JAVA, 453), consumer("cg"), false);

        assertThat(registry.consumerIds("cg")).containsExactly("10.0.0.1@a", "10.0.0.2@b");
    }

    @Test
    void onlineGroupsAreThoseWithMembersSubscribedToTheTopic() {
        registry.register(clientA, consumer("cg-1", sub("TopicTest", "*", 1)), false);
        registry.register(clientA, consumer("cg-2", sub("Other", "*", 1)), false);
        registry.register(clientB, consumer("cg-3", sub("TopicTest", "*", 1)), false);
        registry.channelClosed(channelB);

        assertThat(registry.onlineGroupsSubscribedTo("TopicTest")).containsExactly("cg-1");
    }

    @Test
    void theConnectionListShowsMembersSubscriptionsAndSettings() {
        registry.register(clientA, consumer("cg", sub("TopicTest", "TagA", 1)), false);

        ConsumerConnection connection = registry.connection("cg").orElseThrow();

        assertThat(connection.connectionSet()).singleElement().satisfies(c -> {
            assertThat(c.clientId()).isEqualTo("10.0.0.1@a");
            assertThat(c.clientAddr()).isEqualTo("10.0.0.1:1001");
            assertThat(c.language()).isEqualTo(LanguageCode.JAVA);
            assertThat(c.version()).isEqualTo(453);
        });
        assertThat(connection.subscriptionTable()).containsKey("TopicTest");
        assertThat(connection.consumeType()).isEqualTo(ConsumeType.CONSUME_PASSIVELY);
        assertThat(connection.messageModel()).isEqualTo(MessageModel.CLUSTERING);
        assertThat(connection.consumeFromWhere()).isEqualTo(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        assertThat(registry.connection("unknown")).isEmpty();
    }

    @Test
    void theChannelOfAMemberIsFoundWhileItIsActive() {
        registry.register(clientA, consumer("cg"), false);

        assertThat(registry.channelOf("cg", "10.0.0.1@a")).contains(channelA);
        assertThat(registry.channelOf("cg", "10.0.0.9@x")).isEmpty();
        channelA.close();
        assertThat(registry.channelOf("cg", "10.0.0.1@a")).isEmpty();
    }

    static ConsumerData consumer(String group, SubscriptionData... subscriptions) {
        return new ConsumerData(
                group,
                ConsumeType.CONSUME_PASSIVELY,
                MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                new LinkedHashSet<>(List.of(subscriptions)),
                false);
    }

    static SubscriptionData sub(String topic, String expression, long subVersion) {
        Set<String> tags = "*".equals(expression) ? Set.of() : Set.of(expression);
        Set<Integer> codes = "*".equals(expression) ? Set.of() : Set.of(expression.hashCode());
        return new SubscriptionData(topic, expression, tags, codes, subVersion, "TAG", false);
    }
}
