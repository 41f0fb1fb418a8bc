package io.couriermq.broker.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * Starts the {@link BrokerNode} the moment Spring Boot has read the configuration (and set up logging),
 * before the context, the web server and the actuator are built: those take most of the application's
 * start-up, and clients need only the RocketMQ ports. The context then gets the running node as a bean
 * ({@code brokerNode}), and if the application fails to start after all (a web port taken), the node is
 * stopped so no broker outlives its application.
 *
 * <p>Registered in spring.factories, so it sees every SpringApplication on this classpath; it acts only
 * for one whose sources include {@link BrokerApplication}.
 */
public final class BrokerFirstListener implements GenericApplicationListener {
    static final String BEAN_NAME = "brokerNode";

    private volatile BrokerNode node;

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null
                && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                        || ApplicationPreparedEvent.class.isAssignableFrom(type)
                        || ApplicationFailedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared
                && runsTheBroker(prepared.getSpringApplication())) {
            node = BrokerNode.start(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent prepared && node != null) {
            prepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, node);
        } else if (event instanceof ApplicationFailedEvent && node != null) {
            node.stop();
        }
    }

    private static boolean runsTheBroker(SpringApplication application) {
        return application.getAllSources().contains(BrokerApplication.class);
    }

    /** After the configuration is read and logging is set up, both on this same event. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
