package io.couriermq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.client.ClientRuntime;
import io.couriermq.spring.annotation.MQTransactionListener;
import io.couriermq.spring.core.MQLocalTransactionListener;
import io.couriermq.spring.core.MQLocalTransactionState;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.support.Jackson2JsonCodec;
import io.couriermq.spring.support.Jackson3JsonCodec;
import io.couriermq.spring.support.JsonCodec;
import io.couriermq.spring.support.MQProducers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Every condition of {@link MQAutoConfiguration} and every start-up failure text. No broker is needed: the
 * client connects lazily, so a NameServer address that nobody serves is enough to build the beans.
 */
class MQAutoConfigurationTest {
    private static final String UNSERVED = "courier.name-server=127.0.0.1:1";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MQAutoConfiguration.class));

    @Test
    void withANameServerTheClientTemplateAndRegistryAreConfigured() {
        runner.withPropertyValues(UNSERVED).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ClientRuntime.class);
            assertThat(context).hasSingleBean(MQTemplate.class);
            assertThat(context).hasSingleBean(MQProducers.class);
            assertThat(context).hasSingleBean(MQListenerEndpointRegistry.class);
            assertThat(context.getBean(MQProducers.class).defaultGroup()).isEqualTo("DEFAULT_PRODUCER");
            assertThat(context.getBean(ClientRuntime.class).config().nameServerAddresses())
                    .containsExactly("127.0.0.1:1");
        });
    }

    @Test
    void settingsReachTheClient() {
        runner.withPropertyValues(
                        "courier.name-server=127.0.0.1:1;127.0.0.1:2",
                        "courier.client.request-timeout=1500ms",
                        "courier.producer.group=orders",
                        "courier.producer.send-timeout=7s",
                        "courier.producer.max-message-size=64KB")
                .run(context -> {
                    ClientRuntime runtime = context.getBean(ClientRuntime.class);
                    assertThat(runtime.config().nameServerAddresses()).containsExactly("127.0.0.1:1", "127.0.0.1:2");
                    assertThat(runtime.config().requestTimeoutMs()).isEqualTo(1500);
                    MQTemplate template = context.getBean(MQTemplate.class);
                    assertThat(template.getProducer().config().group()).isEqualTo("orders");
                    assertThat(template.getProducer().config().sendTimeoutMs()).isEqualTo(7000);
                    assertThat(template.getProducer().config().maxMessageBytes())
                            .isEqualTo(64 * 1024);
                });
    }

    @Test
    void connectionDetailsTakeThePlaceOfTheProperty() {
        runner.withPropertyValues("courier.name-server=127.0.0.1:1")
                .withBean(MQConnectionDetails.class, () -> () -> "127.0.0.1:2345")
                .run(context -> assertThat(
                                context.getBean(ClientRuntime.class).config().nameServerAddresses())
                        .containsExactly("127.0.0.1:2345"));
    }

    @Test
    void courierEnabledFalseConfiguresNothing() {
        runner.withPropertyValues(UNSERVED, "courier.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ClientRuntime.class);
            assertThat(context).doesNotHaveBean(MQTemplate.class);
        });
    }

    @Test
    void anApplicationTemplateReplacesTheDefaultOne() {
        runner.withPropertyValues(UNSERVED)
                .withUserConfiguration(OwnTemplate.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(MQTemplate.class);
                    assertThat(context).getBean("ownTemplate").isSameAs(context.getBean(MQTemplate.class));
                });
    }

    @Test
    void jackson3IsTheDefaultAndJackson2IsChosenByProperty() {
        runner.withPropertyValues(UNSERVED)
                .run(context -> assertThat(context.getBean(JsonCodec.class)).isInstanceOf(Jackson3JsonCodec.class));
        runner.withPropertyValues(UNSERVED, "courier.preferred-json-mapper=jackson2")
                .run(context -> assertThat(context.getBean(JsonCodec.class)).isInstanceOf(Jackson2JsonCodec.class));
        runner.withPropertyValues(UNSERVED, "courier.preferred-json-mapper=gson")
                .run(context -> assertFailure(
                        context, "courier.preferred-json-mapper", "must be jackson or jackson2", "jackson2"));
    }

    @Test
    void aMissingNameServerFailsStartUpNamingTheKey() {
        runner.run(context -> assertFailure(
                context,
                "courier.name-server",
                "no NameServer address is configured",
                "courier.name-server=127.0.0.1:9876"));
    }

    @Test
    void aBlankNameServerFailsStartUpNamingTheKey() {
        runner.withPropertyValues("courier.name-server= ")
                .run(context -> assertFailure(context, "courier.name-server", "no NameServer address", "host:port"));
    }

    @Test
    void anUnparsableNameServerFailsStartUpNamingTheAddress() {
        runner.withPropertyValues("courier.name-server=127.0.0.1:9876;broker-host")
                .run(context ->
                        assertFailure(context, "courier.name-server", "'broker-host' is not host:port", "1 to 65535"));
        runner.withPropertyValues("courier.name-server=127.0.0.1:99999")
                .run(context -> assertFailure(context, "courier.name-server", "is not host:port", "host:port"));
    }

    @Test
    void badValuesFailStartUpNamingTheirKeys() {
        runner.withPropertyValues(UNSERVED, "courier.producer.retries=-1")
                .run(context ->
                        assertFailure(context, "courier.producer.retries", "must not be negative", "0 or more"));
        runner.withPropertyValues(UNSERVED, "courier.client.request-timeout=0s")
                .run(context -> assertFailure(context, "courier.client.request-timeout", "positive duration", "3s"));
        runner.withPropertyValues(UNSERVED, "courier.producer.group= ")
                .run(context -> assertFailure(context, "courier.producer.group", "producer group is required", "Set"));
        runner.withPropertyValues(UNSERVED, "courier.producer.max-batch-size=0B")
                .run(context -> assertFailure(context, "courier.producer.max-batch-size", "positive size", "4MB"));
        runner.withPropertyValues(UNSERVED, "courier.consumer.pull-batch-size=5000")
                .run(context -> assertFailure(context, "courier.consumer.pull-batch-size", "must be 1..1024", "range"));
    }

    @Test
    void transactionListenersAreMappedByGroup() {
        runner.withPropertyValues(UNSERVED, "courier.producer.group=main")
                .withUserConfiguration(TwoGroups.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MQProducers producers = context.getBean(MQProducers.class);
                    assertThat(producers.transactionalGroups()).containsExactlyInAnyOrder("main", "billing");
                    assertThat(producers.defaultProducer()).isSameAs(producers.transactional("main"));
                    assertThat(producers.groups()).containsExactly("main", "billing");
                });
    }

    @Test
    void twoTransactionListenersForOneGroupFailStartUpNamingBoth() {
        runner.withPropertyValues(UNSERVED)
                .withUserConfiguration(SameGroupTwice.class)
                .run(context -> assertFailure(
                        context,
                        "'first' and 'second'",
                        "two transaction listeners for one producer group",
                        "own producerGroup"));
    }

    @Test
    void anAnnotatedBeanThatIsNoTransactionListenerFailsStartUp() {
        runner.withPropertyValues(UNSERVED)
                .withUserConfiguration(NotAListener.class)
                .run(context -> assertFailure(
                        context, "'notAListener'", "does not implement MQLocalTransactionListener", "Implement"));
    }

    @Test
    void aTransactionWithoutAListenerForTheGroupSaysWhichGroupsHaveOne() {
        runner.withPropertyValues(UNSERVED)
                .withUserConfiguration(TwoGroups.class)
                .run(context -> {
                    MQProducers producers = context.getBean(MQProducers.class);
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> producers.transactional("unknown"))
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("'unknown'")
                            .hasMessageContaining("billing");
                });
    }

    @Test
    void theFailureAnalyzerIsRegistered() throws java.io.IOException {
        List<String> registered = new java.util.ArrayList<>();
        var resources = getClass().getClassLoader().getResources("META-INF/spring.factories");
        while (resources.hasMoreElements()) {
            var properties = new java.util.Properties();
            try (var in = resources.nextElement().openStream()) {
                properties.load(in);
            }
            String analyzers = properties.getProperty(FailureAnalyzer.class.getName(), "");
            registered.addAll(List.of(analyzers.split(",")));
        }
        assertThat(registered).contains(MQConfigurationFailureAnalyzer.class.getName());
    }

    private static void assertFailure(AssertableApplicationContext context, String key, String problem, String action) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = new MQConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis)
                .as("a failure analysis for %s", context.getStartupFailure())
                .isNotNull();
        assertThat(analysis.getDescription()).contains(key).contains(problem);
        assertThat(analysis.getAction()).contains(action);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTemplate {
        @Bean
        MQTemplate ownTemplate(MQProducers producers, io.couriermq.spring.support.MQMessageConverter converter) {
            return new MQTemplate(
                    producers, converter, Runnable::run, io.couriermq.spring.support.SendObservation.NONE);
        }
    }

    static class Committing implements MQLocalTransactionListener {
        @Override
        public MQLocalTransactionState executeLocalTransaction(Message<?> message, Object arg) {
            return MQLocalTransactionState.COMMIT;
        }

        @Override
        public MQLocalTransactionState checkLocalTransaction(Message<?> message) {
            return MQLocalTransactionState.COMMIT;
        }
    }

    @MQTransactionListener
    static class DefaultGroupListener extends Committing {}

    @MQTransactionListener(producerGroup = "${billing.group:billing}")
    static class BillingListener extends Committing {}

    @MQTransactionListener(producerGroup = "same")
    static class SameA extends Committing {}

    @MQTransactionListener(producerGroup = "same")
    static class SameB extends Committing {}

    @Configuration(proxyBeanMethods = false)
    static class TwoGroups {
        @Bean
        DefaultGroupListener mainListener() {
            return new DefaultGroupListener();
        }

        @Bean
        BillingListener billingListener() {
            return new BillingListener();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SameGroupTwice {
        @Bean
        SameA first() {
            return new SameA();
        }

        @Bean
        SameB second() {
            return new SameB();
        }
    }

    @MQTransactionListener(producerGroup = "x")
    static class NotATransactionListener {}

    @Configuration(proxyBeanMethods = false)
    static class NotAListener {
        @Bean
        NotATransactionListener notAListener() {
            return new NotATransactionListener();
        }
    }
}
