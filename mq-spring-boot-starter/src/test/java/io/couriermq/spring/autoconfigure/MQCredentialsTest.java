package io.couriermq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.client.ClientRuntime;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.autoconfigure.observability.MQSecretsSanitizingAutoConfiguration;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.listener.MQListenerContainer;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.support.MQProducers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code courier.access-key}/{@code secret-key}, the {@code courier.producer.*} and {@code
 * courier.consumer.*} overrides and a listener's own {@code accessKey}/{@code secretKey} reach the client
 * configuration of the runtime that signs for them; the secret shows in no string form, failure or
 * actuator output. No broker: the client connects lazily.
 */
class MQCredentialsTest {
    private static final String SECRET = "app-secret-1";
    private static final String PRODUCER_SECRET = "producer-secret-2";
    private static final String CONSUMER_SECRET = "consumer-secret-3";
    private static final String LISTENER_SECRET = "listener-secret-4";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MQAutoConfiguration.class))
            .withPropertyValues("courier.name-server=127.0.0.1:1");

    @Test
    void theTopLevelKeysSignForTheSharedRuntimeTheTemplateAndTheListeners() {
        runner.withPropertyValues(
                        "courier.access-key=App", "courier.secret-key=" + SECRET, "courier.security-token=tok-1")
                .withBean(PlainListener.class)
                .run(context -> {
                    ClientRuntime shared = context.getBean(ClientRuntime.class);
                    assertThat(shared.config().credentials()).isEqualTo(new Credentials("App", SECRET, "tok-1"));
                    assertThat(context.getBean(MQProducers.class).runtime()).isSameAs(shared);
                    assertThat(container(context.getBean(MQListenerEndpointRegistry.class), "g-plain")
                                    .runtime())
                            .isSameAs(shared);
                    assertThat(shared.config().toString()).contains("App").doesNotContain(SECRET);
                });
    }

    @Test
    void withoutKeysNothingIsSigned() {
        runner.run(context -> assertThat(
                        context.getBean(ClientRuntime.class).config().credentials())
                .isNull());
    }

    @Test
    void producerAndConsumerKeysOverrideTheTopLevelOnRuntimesOfTheirOwn() {
        runner.withPropertyValues(
                        "courier.access-key=App",
                        "courier.secret-key=" + SECRET,
                        "courier.producer.access-key=Producer",
                        "courier.producer.secret-key=" + PRODUCER_SECRET,
                        "courier.consumer.access-key=Consumer",
                        "courier.consumer.secret-key=" + CONSUMER_SECRET)
                .withBean(PlainListener.class)
                .run(context -> {
                    ClientRuntime shared = context.getBean(ClientRuntime.class);
                    ClientRuntime producers = context.getBean(MQProducers.class).runtime();
                    ClientRuntime listener = container(context.getBean(MQListenerEndpointRegistry.class), "g-plain")
                            .runtime();

                    assertThat(shared.config().credentials()).isEqualTo(new Credentials("App", SECRET));
                    assertThat(producers).isNotSameAs(shared);
                    assertThat(producers.config().credentials())
                            .isEqualTo(new Credentials("Producer", PRODUCER_SECRET));
                    assertThat(listener).isNotSameAs(shared).isNotSameAs(producers);
                    assertThat(listener.config().credentials()).isEqualTo(new Credentials("Consumer", CONSUMER_SECRET));
                    assertThat(listener.clientId()).isNotEqualTo(shared.clientId());
                });
    }

    @Test
    void aListenersOwnPlaceholderKeysWinOverTheConsumerKeys() {
        runner.withPropertyValues(
                        "courier.consumer.access-key=Consumer",
                        "courier.consumer.secret-key=" + CONSUMER_SECRET,
                        "orders.access-key=Orders",
                        "orders.secret-key=" + LISTENER_SECRET)
                .withBean(PlainListener.class)
                .withBean(OrdersListener.class)
                .run(context -> {
                    MQListenerEndpointRegistry registry = context.getBean(MQListenerEndpointRegistry.class);
                    MQListenerContainer orders = container(registry, "g-orders");

                    assertThat(orders.runtime().config().credentials())
                            .isEqualTo(new Credentials("Orders", LISTENER_SECRET));
                    assertThat(container(registry, "g-plain").runtime().config().credentials())
                            .isEqualTo(new Credentials("Consumer", CONSUMER_SECRET));
                    assertThat(context.getBean(ClientRuntime.class).config().credentials())
                            .isNull();
                    assertThat(orders.endpoints().toString()).contains("Orders").doesNotContain(LISTENER_SECRET);
                });
    }

    @Test
    void anAccessKeyWithoutItsSecretFailsStartUpNamingTheMissingKey() {
        runner.withPropertyValues("courier.access-key=App").run(context -> {
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("courier.secret-key").contains("courier.access-key=App");
            assertThat(analysis.getAction()).contains("Set courier.secret-key");
        });
        runner.withPropertyValues("courier.consumer.secret-key=" + CONSUMER_SECRET)
                .run(context -> {
                    FailureAnalysis analysis = analysis(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("courier.consumer.access-key")
                            .doesNotContain(CONSUMER_SECRET);
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("courier.consumer.access-key");
                    assertThat(stackTrace(context.getStartupFailure())).doesNotContain(CONSUMER_SECRET);
                });
        runner.withPropertyValues("orders.access-key=Orders")
                .withBean(OrdersListener.class)
                .run(context -> assertThat(analysis(context.getStartupFailure()).getDescription())
                        .contains("@MQMessageListener(secretKey) of"));
    }

    @Test
    void listenersOfOneGroupWithDifferentAccountsFailStartUpWithoutShowingASecret() {
        runner.withPropertyValues("orders.access-key=Orders", "orders.secret-key=" + LISTENER_SECRET)
                .withBean(OrdersListener.class)
                .withBean(OrdersAuditListener.class)
                .run(context -> {
                    FailureAnalysis analysis = analysis(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("disagree on accessKey/secretKey")
                            .contains("Orders")
                            .doesNotContain(LISTENER_SECRET);
                });
    }

    @Test
    void actuatorEndpointsShowingValuesStillMaskTheSecrets() {
        runner.withConfiguration(AutoConfigurations.of(
                        MQSecretsSanitizingAutoConfiguration.class,
                        EndpointAutoConfiguration.class,
                        ConfigurationPropertiesReportEndpointAutoConfiguration.class,
                        EnvironmentEndpointAutoConfiguration.class))
                .withPropertyValues(
                        "management.endpoints.web.exposure.include=configprops,env",
                        "management.endpoints.jmx.exposure.include=configprops,env",
                        "management.endpoint.configprops.show-values=always",
                        "management.endpoint.env.show-values=always",
                        "courier.access-key=App",
                        "courier.secret-key=" + SECRET,
                        "courier.security-token=token-99",
                        "courier.producer.access-key=Producer",
                        "courier.producer.secret-key=" + PRODUCER_SECRET)
                .run(context -> {
                    JsonMapper json = JsonMapper.builder().build();
                    String configprops =
                            json.writeValueAsString(context.getBean(ConfigurationPropertiesReportEndpoint.class)
                                    .configurationProperties());
                    String env = json.writeValueAsString(
                            context.getBean(EnvironmentEndpoint.class).environment(null));

                    assertThat(configprops).contains("App").contains("Producer").contains("******");
                    assertThat(env).contains("App").contains("******");
                    for (String output : new String[] {configprops, env}) {
                        assertThat(output)
                                .doesNotContain(SECRET)
                                .doesNotContain(PRODUCER_SECRET)
                                .doesNotContain("token-99");
                    }
                });
    }

    private static MQListenerContainer container(MQListenerEndpointRegistry registry, String group) {
        return registry.getListenerContainers().stream()
                .filter(container -> container.group().equals(group))
                .findFirst()
                .orElseThrow();
    }

    private static FailureAnalysis analysis(Throwable failure) {
        assertThat(failure).as("start-up failure").isNotNull();
        FailureAnalysis analysis = new MQConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("a failure analysis for %s", failure).isNotNull();
        return analysis;
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    @MQMessageListener(consumerGroup = "g-plain", topic = "Plain")
    static class PlainListener implements MQListener<String> {
        @Override
        public void onMessage(String message) {}
    }

    /** Same group as {@link OrdersListener}, another topic, no account of its own. */
    @MQMessageListener(consumerGroup = "g-orders", topic = "OrdersAudit")
    static class OrdersAuditListener implements MQListener<String> {
        @Override
        public void onMessage(String message) {}
    }

    @MQMessageListener(
            consumerGroup = "g-orders",
            topic = "Orders",
            accessKey = "${orders.access-key}",
            secretKey = "${orders.secret-key:}")
    static class OrdersListener implements MQListener<String> {
        @Override
        public void onMessage(String message) {}
    }
}
