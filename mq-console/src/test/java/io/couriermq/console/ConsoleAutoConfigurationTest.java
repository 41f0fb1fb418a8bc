package io.couriermq.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.console.admin.AdminConsoleData;
import io.couriermq.console.chart.ChartSampler;
import io.couriermq.console.data.ConsoleData;
import io.couriermq.console.web.ClusterController;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class ConsoleAutoConfigurationTest {
    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConsoleAutoConfiguration.class))
            .withPropertyValues("courier.console.sample-interval=1h");

    @Test
    void aServletAppGetsTheConsoleOverTheAdminLibraryByDefault() {
        web.withPropertyValues("courier.console.name-server=127.0.0.1:9876").run(context -> {
            assertThat(context).hasSingleBean(ClusterController.class).hasSingleBean(ChartSampler.class);
            assertThat(context.getBean(ConsoleData.class)).isInstanceOf(AdminConsoleData.class);
            assertThat(context.getBean(ConsoleNameServer.class).address()).isEqualTo("127.0.0.1:9876");
        });
    }

    @Test
    void theAppsNameServerAndDataWinOverTheDefaults() {
        web.withBean(ConsoleNameServer.class, () -> () -> "10.0.0.1:9876")
                .withBean(FakeConsoleData.class, FakeConsoleData::new)
                .run(context -> {
                    assertThat(context.getBean(ConsoleNameServer.class).address())
                            .isEqualTo("10.0.0.1:9876");
                    assertThat(context.getBean(ConsoleData.class)).isInstanceOf(FakeConsoleData.class);
                });
    }

    @Test
    void disabledByPropertyThereIsNoConsole() {
        web.withPropertyValues("courier.console.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(ClusterController.class)
                .doesNotHaveBean(ChartSampler.class));
    }

    @Test
    void anAppWithoutAServletWebServerGetsNoConsole() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConsoleAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(ClusterController.class));
    }

    @Test
    void aSampleRingTooSmallFailsStartUpNamingTheKey() {
        web.withPropertyValues("courier.console.sample-capacity=1").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("courier.console.sample-capacity"));
    }
}
