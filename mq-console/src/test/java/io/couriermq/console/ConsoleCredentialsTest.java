package io.couriermq.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class ConsoleCredentialsTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConsoleAutoConfiguration.class))
            .withPropertyValues("courier.console.sample-interval=1h", "courier.console.name-server=127.0.0.1:9876");

    @Test
    void anAccountSignsTheConsolesAdminRequestsAndItsSecretIsNeverShown() {
        runner.withPropertyValues(
                        "courier.console.access-key=console-admin", "courier.console.secret-key=console-secret-1")
                .run(context -> {
                    ConsoleProperties properties = context.getBean(ConsoleProperties.class);
                    assertThat(properties.credentials().accessKey()).isEqualTo("console-admin");
                    assertThat(properties.credentials().secretKey()).isEqualTo("console-secret-1");
                    assertThat(properties.toString()).doesNotContain("console-secret-1");
                });
    }

    @Test
    void withoutAnAccountRequestsGoUnsigned() {
        runner.run(
                context -> assertThat(context.getBean(ConsoleProperties.class).credentials())
                        .isNull());
    }

    @Test
    void aKeyWithoutItsSecretIsAConfigurationError() {
        assertThatThrownBy(() -> new ConsoleProperties(
                        true,
                        "",
                        java.time.Duration.ofSeconds(5),
                        360,
                        java.time.Duration.ofSeconds(5),
                        false,
                        "ak",
                        ""))
                .hasMessageContaining("courier.console.access-key and courier.console.secret-key go together");
    }
}
