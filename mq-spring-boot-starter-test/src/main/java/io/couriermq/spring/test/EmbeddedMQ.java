package io.couriermq.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a CourierMQ NameServer and broker(s) in the test JVM (real sockets on 127.0.0.1, free ports, a
 * temporary store, SQL92 filtering on) for a Spring test, and sets {@code courier.name-server} to them.
 * The cluster belongs to the test's application context: cached with it, closed with it, and available
 * as the bean {@code embeddedMQCluster} ({@link io.couriermq.test.EmbeddedCluster}). Test classes with
 * the same attributes share a cached context and so a cluster.
 *
 * <pre>{@code
 * @SpringBootTest
 * @EmbeddedMQ(topics = "Orders:4")
 * class OrderFlowTests { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedMQ {

    /** Master brokers; 1 by default. */
    int brokers() default 1;

    /** Topics created before the context starts, as {@code name} (4 queues) or {@code name:queues}. */
    String[] topics() default {};

    /** broker.conf entries for every broker, as {@code key=value}. */
    String[] brokerProperties() default {};

    /** The property that receives the NameServer address. */
    String nameServerProperty() default "courier.name-server";
}
