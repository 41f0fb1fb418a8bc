package io.couriermq.spring.test.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.annotation.SelectorType;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.test.Assignments;
import io.couriermq.spring.test.EmbeddedMQ;
import io.couriermq.spring.test.RecordingListener;
import io.couriermq.test.EmbeddedCluster;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Selectors: a tag expression and a SQL92 condition on a user header let only matching messages through.
 * Each topic has one queue, and the non-matching messages are sent first, so once the last matching
 * message has arrived the consumer has read past all of them.
 */
@SpringBootTest(classes = SelectorListenersIT.App.class)
@EmbeddedMQ(topics = {"SL-Tags:1", "SL-Sql:1"})
@DirtiesContext
class SelectorListenersIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({TagListener.class, SqlListener.class})
    static class App {}

    @Component
    @MQMessageListener(topic = "SL-Tags", consumerGroup = "sl-tags", selectorExpression = "a || b")
    static class TagListener extends RecordingListener<String> {}

    @Component
    @MQMessageListener(
            topic = "SL-Sql",
            consumerGroup = "sl-sql",
            selectorType = SelectorType.SQL92,
            selectorExpression = "amount > 10")
    static class SqlListener extends RecordingListener<String> {}

    @Autowired
    MQTemplate template;

    @Autowired
    EmbeddedCluster cluster;

    @Autowired
    MQListenerEndpointRegistry registry;

    @Autowired
    TagListener tags;

    @Autowired
    SqlListener sql;

    @BeforeEach
    void awaitQueuesTaken() {
        Assignments.awaitAll(registry, cluster);
    }

    @Test
    void aTagExpressionLetsOnlyItsTagsThrough() {
        template.syncSend("SL-Tags:c", "c-1");
        template.syncSend("SL-Tags", "untagged");
        template.syncSend("SL-Tags:ab", "ab-1");
        template.syncSend("SL-Tags:a", "a-1");
        template.syncSend("SL-Tags:c", "c-2");
        template.syncSend("SL-Tags:b", "b-1");

        await().atMost(WAIT).until(() -> tags.received.contains("b-1"));
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(tags.received).containsExactlyInAnyOrder("a-1", "b-1"));
    }

    @Test
    void aSql92ConditionLetsOnlyMatchingMessagesThrough() {
        template.syncSend("SL-Sql", "no amount");
        for (int amount : new int[] {5, 10, 11, 3, 50}) {
            template.syncSend(
                    "SL-Sql",
                    MessageBuilder.withPayload("amount-" + amount)
                            .setHeader("amount", amount)
                            .build());
        }

        await().atMost(WAIT).until(() -> sql.received.contains("amount-50"));
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(sql.received).containsExactlyInAnyOrder("amount-11", "amount-50"));
    }
}
