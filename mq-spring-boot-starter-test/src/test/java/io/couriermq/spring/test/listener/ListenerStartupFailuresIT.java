package io.couriermq.spring.test.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.spring.annotation.ConsumeMode;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.annotation.MessageModel;
import io.couriermq.spring.annotation.SelectorType;
import io.couriermq.spring.autoconfigure.MQAutoConfiguration;
import io.couriermq.spring.autoconfigure.MQConfigurationException;
import io.couriermq.spring.core.MQListener;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Listener declarations that cannot work stop the application at start-up with an {@link
 * MQConfigurationException} naming the beans and the attribute, rather than losing messages later. The
 * checks run before any consumer starts, so no broker is needed: the NameServer address is never dialled.
 */
class ListenerStartupFailuresIT {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MQAutoConfiguration.class))
            .withPropertyValues("courier.name-server=127.0.0.1:1");

    static class Plain implements MQListener<String> {
        @Override
        public void onMessage(String message) {}
    }

    @MQMessageListener(topic = "SF-Orders", consumerGroup = "sf-same")
    static class OrdersA extends Plain {}

    @MQMessageListener(topic = "SF-Orders", consumerGroup = "sf-same")
    static class OrdersB extends Plain {}

    @Configuration(proxyBeanMethods = false)
    static class SameGroupSameTopic {
        @Bean
        OrdersA firstOrders() {
            return new OrdersA();
        }

        @Bean
        OrdersB secondOrders() {
            return new OrdersB();
        }
    }

    @MQMessageListener(topic = "SF-A", consumerGroup = "sf-models")
    static class Clustering extends Plain {}

    @MQMessageListener(topic = "SF-B", consumerGroup = "sf-models", messageModel = MessageModel.BROADCASTING)
    static class Broadcasting extends Plain {}

    @Configuration(proxyBeanMethods = false)
    static class SameGroupTwoModels {
        @Bean
        Clustering clusteringListener() {
            return new Clustering();
        }

        @Bean
        Broadcasting broadcastingListener() {
            return new Broadcasting();
        }
    }

    @MQMessageListener(
            topic = "SF-Orderly",
            consumerGroup = "sf-orderly",
            consumeMode = ConsumeMode.ORDERLY,
            messageModel = MessageModel.BROADCASTING)
    static class OrderlyBroadcasting extends Plain {}

    @Configuration(proxyBeanMethods = false)
    static class OrderlyBroadcastingConfig {
        @Bean
        OrderlyBroadcasting orderlyBroadcasting() {
            return new OrderlyBroadcasting();
        }
    }

    @MQMessageListener(
            topic = "SF-Sql",
            consumerGroup = "sf-sql",
            selectorType = SelectorType.SQL92,
            selectorExpression = "amount > 10 AND (region = 'eu'")
    static class BadSql extends Plain {}

    @Configuration(proxyBeanMethods = false)
    static class BadSqlConfig {
        @Bean
        BadSql badSql() {
            return new BadSql();
        }
    }

    @MQMessageListener(topic = "SF-Batch", consumerGroup = "sf-batch", batchSize = 8)
    static class NotAList extends Plain {}

    @Configuration(proxyBeanMethods = false)
    static class BatchOfOneConfig {
        @Bean
        NotAList notAList() {
            return new NotAList();
        }
    }

    @MQMessageListener(topic = "SF-Neither", consumerGroup = "sf-neither")
    static class Neither {
        public void onMessage(String message) {}
    }

    @Configuration(proxyBeanMethods = false)
    static class NeitherConfig {
        @Bean
        Neither neither() {
            return new Neither();
        }
    }

    @Test
    void twoListenersOfOneGroupOnOneTopicFail() {
        assertThat(failureOf(SameGroupSameTopic.class))
                .hasMessageContaining("'firstOrders'")
                .hasMessageContaining("'secondOrders'")
                .hasMessageContaining("consumer group sf-same both consume topic SF-Orders");
    }

    @Test
    void listenersOfOneGroupWithDifferentMessageModelsFail() {
        assertThat(failureOf(SameGroupTwoModels.class))
                .hasMessageContaining("'clusteringListener'")
                .hasMessageContaining("'broadcastingListener'")
                .hasMessageContaining("disagree on messageModel (CLUSTERING vs BROADCASTING)");
    }

    @Test
    void orderlyBroadcastingFails() {
        assertThat(failureOf(OrderlyBroadcastingConfig.class))
                .hasMessageContaining("@MQMessageListener(consumeMode) of bean 'orderlyBroadcasting'")
                .hasMessageContaining("ORDERLY with BROADCASTING");
    }

    @Test
    void aBadSql92SelectorFailsNamingThePosition() {
        MQConfigurationException failure = failureOf(BadSqlConfig.class);
        assertThat(failure)
                .hasMessageContaining("@MQMessageListener(selectorExpression) of bean 'badSql'")
                .hasMessageContaining("amount > 10 AND (region = 'eu'")
                .hasMessageContaining("not a valid SQL92 selector");
        assertThat(failure.getMessage()).containsPattern("at position \\d+");
    }

    @Test
    void aBatchSizeOnAListenerThatTakesOneMessageFails() {
        assertThat(failureOf(BatchOfOneConfig.class))
                .hasMessageContaining("@MQMessageListener(batchSize) of bean 'notAList'=8")
                .hasMessageContaining("a batch needs a listener that takes a List");
    }

    @Test
    void aClassListenerThatIsNoListenerFails() {
        assertThat(failureOf(NeitherConfig.class))
                .hasMessageContaining("@MQMessageListener on bean 'neither'")
                .hasMessageContaining(Neither.class.getName())
                .hasMessageContaining("implements neither MQListener nor MQReplyListener");
    }

    /** Starts an application with {@code configuration} and returns the configuration error it failed with. */
    private MQConfigurationException failureOf(Class<?> configuration) {
        Throwable[] failure = new Throwable[1];
        runner.withUserConfiguration(configuration).run(context -> {
            assertThat(context).hasFailed();
            failure[0] = context.getStartupFailure();
        });
        for (Throwable t = failure[0]; t != null; t = t.getCause()) {
            if (t instanceof MQConfigurationException configurationFailure) {
                return configurationFailure;
            }
        }
        throw new AssertionError("no MQConfigurationException in the start-up failure", failure[0]);
    }
}
