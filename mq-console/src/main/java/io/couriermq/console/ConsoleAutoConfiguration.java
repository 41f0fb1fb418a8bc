package io.couriermq.console;

import io.couriermq.console.chart.ChartSampler;
import io.couriermq.console.data.ConsoleData;
import io.couriermq.console.web.ChartController;
import io.couriermq.console.web.ClusterController;
import io.couriermq.console.web.ConsoleAdvice;
import io.couriermq.console.web.ConsoleTime;
import io.couriermq.console.web.ConsoleWriteGuard;
import io.couriermq.console.web.ConsoleWrites;
import io.couriermq.console.web.CsrfGuard;
import io.couriermq.console.web.DeadLetterController;
import io.couriermq.console.web.GroupController;
import io.couriermq.console.web.MessageController;
import io.couriermq.console.web.PendingController;
import io.couriermq.console.web.TopicController;
import jakarta.servlet.SessionTrackingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console at /console, in any servlet web application that has this jar, unless
 * {@code courier.console.enabled=false}. The application supplies a {@link ConsoleNameServer}
 * (else {@code courier.console.name-server} is used); the cluster is reached through {@link ConsoleData}.
 * Its writes are served only with Spring Security or {@code courier.console.write-enabled=true}
 * ({@link ConsoleWrites}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "courier.console.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConsoleProperties.class)
@Import({
    ConsoleAdvice.class,
    ClusterController.class,
    TopicController.class,
    GroupController.class,
    MessageController.class,
    DeadLetterController.class,
    PendingController.class,
    ChartController.class,
    ConsoleDataConfiguration.class
})
public class ConsoleAutoConfiguration implements WebMvcConfigurer {
    private static final Logger log = LoggerFactory.getLogger(ConsoleAutoConfiguration.class);

    private final ConsoleWrites writes;

    public ConsoleAutoConfiguration(ConsoleProperties properties, ResourceLoader resourceLoader) {
        writes = ConsoleWrites.decide(
                properties.writeEnabled(), ConsoleWrites.springSecurityPresent(resourceLoader.getClassLoader()));
        if (writes.allowed()) {
            log.info("console writes are enabled: {}", writes.reason());
        } else {
            log.info("console writes are disabled ({}); the console is read-only", writes.reason());
        }
    }

    /** Writes are refused first, so a refusal says how to enable them rather than that the form is stale. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ConsoleWriteGuard(writes)).addPathPatterns("/console/**");
        registry.addInterceptor(new CsrfGuard()).addPathPatterns("/console/**");
    }

    @Bean
    ConsoleWrites consoleWrites() {
        return writes;
    }

    /**
     * Sessions (they hold the form token) by cookie only: no jsessionid in the console's URLs, where it
     * would leak into logs and shared links.
     */
    @Bean
    ServletContextInitializer consoleSessionCookiesOnly() {
        return servletContext -> servletContext.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
    }

    @Bean
    ConsoleTime consoleTime() {
        return new ConsoleTime(ZoneId.systemDefault());
    }

    @Bean
    @ConditionalOnMissingBean
    ConsoleNameServer consoleNameServer(ConsoleProperties properties) {
        return properties::nameServer;
    }

    @Bean
    ChartSampler consoleChartSampler(ConsoleData consoleData, ConsoleProperties properties) {
        return new ChartSampler(
                consoleData, Clock.systemUTC(), properties.sampleInterval(), properties.sampleCapacity());
    }
}
