package io.couriermq.console;

import io.couriermq.console.admin.AdminConsoleData;
import io.couriermq.console.admin.ConsoleAdminClient;
import io.couriermq.console.data.ConsoleData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console's view of the cluster over the admin library, unless the application has its own. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(ConsoleData.class)
class ConsoleDataConfiguration {

    @Bean(destroyMethod = "close")
    ConsoleAdminClient consoleAdminClient(ConsoleNameServer nameServer, ConsoleProperties properties) {
        return new ConsoleAdminClient(nameServer, properties.requestTimeout(), properties.credentials());
    }

    @Bean
    ConsoleData consoleData(ConsoleAdminClient consoleAdminClient) {
        return new AdminConsoleData(consoleAdminClient);
    }
}
