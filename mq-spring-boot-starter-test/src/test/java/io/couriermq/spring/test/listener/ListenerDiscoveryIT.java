package io.couriermq.spring.test.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerContainer;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.test.Assignments;
import io.couriermq.spring.test.EmbeddedMQ;
import io.couriermq.spring.test.RecordingListener;
import io.couriermq.test.EmbeddedCluster;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.autoproxy.BeanNameAutoProxyCreator;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.util.AopTestUtils;

/**
 * How listeners are found: on beans behind Spring AOP proxies (a CGLIB proxy of a bean with an annotated
 * method, a JDK proxy of an {@code MQListener}), through a meta-annotation, and with {@code ${...}}
 * placeholders in topic and group. The proxies come from spring-aop's own auto-proxy creator, which runs
 * before the listener finder as it does for {@code @Transactional} or aspects.
 */
@SpringBootTest(
        classes = ListenerDiscoveryIT.App.class,
        properties = {"discovery.topic=LD-Placeholder", "discovery.group=ld-placeholder"})
@EmbeddedMQ(topics = {"LD-Cglib:2", "LD-Jdk:2", "LD-Orders:2", "LD-Placeholder:2"})
@DirtiesContext
class ListenerDiscoveryIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A listener annotation of the application's own, carrying topic and group. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @MQMessageListener(topic = "LD-Orders", consumerGroup = "ld-orders")
    @interface OrdersListener {}

    /** What went through the proxies' interceptor: the names of the methods called. */
    static final class Intercepted {
        final List<String> methods = new CopyOnWriteArrayList<>();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Intercepted intercepted() {
            return new Intercepted();
        }

        @Bean
        MethodInterceptor recordingInterceptor(Intercepted intercepted) {
            return invocation -> {
                intercepted.methods.add(invocation.getMethod().getName());
                return invocation.proceed();
            };
        }

        @Bean
        static BeanNameAutoProxyCreator classProxies() {
            BeanNameAutoProxyCreator creator = new BeanNameAutoProxyCreator();
            creator.setBeanNames("cglibProxied");
            creator.setInterceptorNames("recordingInterceptor");
            creator.setProxyTargetClass(true);
            return creator;
        }

        @Bean
        static BeanNameAutoProxyCreator interfaceProxies() {
            BeanNameAutoProxyCreator creator = new BeanNameAutoProxyCreator();
            creator.setBeanNames("jdkProxied");
            creator.setInterceptorNames("recordingInterceptor");
            creator.setProxyTargetClass(false);
            return creator;
        }

        @Bean
        CglibProxied cglibProxied() {
            return new CglibProxied();
        }

        @Bean
        JdkProxied jdkProxied() {
            return new JdkProxied();
        }

        @Bean
        Orders orders() {
            return new Orders();
        }

        @Bean
        Placeholders placeholders() {
            return new Placeholders();
        }
    }

    static class CglibProxied {
        final List<MyRecord> received = new CopyOnWriteArrayList<>();

        @MQMessageListener(topic = "LD-Cglib", consumerGroup = "ld-cglib")
        public void onRecord(MyRecord record) {
            received.add(record);
        }
    }

    @MQMessageListener(topic = "LD-Jdk", consumerGroup = "ld-jdk")
    static class JdkProxied implements MQListener<MyRecord> {
        final List<MyRecord> received = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(MyRecord message) {
            received.add(message);
        }
    }

    @OrdersListener
    static class Orders extends RecordingListener<String> {}

    @MQMessageListener(topic = "${discovery.topic}", consumerGroup = "${discovery.group}")
    static class Placeholders extends RecordingListener<String> {}

    @Autowired
    MQTemplate template;

    @Autowired
    EmbeddedCluster cluster;

    @Autowired
    MQListenerEndpointRegistry registry;

    @Autowired
    Intercepted intercepted;

    @Autowired
    @Qualifier("cglibProxied")
    Object cglibProxied;

    @Autowired
    @Qualifier("jdkProxied")
    Object jdkProxied;

    @Autowired
    Orders orders;

    @Autowired
    Placeholders placeholders;

    @BeforeEach
    void awaitQueuesTaken() {
        Assignments.awaitAll(registry, cluster);
    }

    @Test
    void aMethodListenerOnAClassProxyIsCalledThroughTheProxy() {
        assertThat(AopUtils.isCglibProxy(cglibProxied)).isTrue();
        CglibProxied target = AopTestUtils.getUltimateTargetObject(cglibProxied);

        template.syncSend("LD-Cglib", new MyRecord("cglib", 1));

        await().atMost(WAIT).until(() -> !target.received.isEmpty());
        assertThat(target.received).containsExactly(new MyRecord("cglib", 1));
        assertThat(intercepted.methods).containsOnlyOnce("onRecord");
    }

    @Test
    void aClassListenerBehindAnInterfaceProxyKeepsItsPayloadType() {
        assertThat(AopUtils.isJdkDynamicProxy(jdkProxied)).isTrue();
        JdkProxied target = AopTestUtils.getUltimateTargetObject(jdkProxied);

        template.syncSend("LD-Jdk", new MyRecord("jdk", 2));

        await().atMost(WAIT).until(() -> !target.received.isEmpty());
        assertThat(target.received).containsExactly(new MyRecord("jdk", 2));
        assertThat(intercepted.methods).containsOnlyOnce("onMessage");
    }

    @Test
    void aMetaAnnotatedListenerIsFound() {
        MQListenerContainer container = registry.getListenerContainer("ld-orders");
        assertThat(container.topics()).containsExactly("LD-Orders");

        template.syncSend("LD-Orders", "order-1");

        await().atMost(WAIT).until(() -> orders.received.contains("order-1"));
    }

    @Test
    void placeholdersInTopicAndGroupAreResolved() {
        MQListenerContainer container = registry.getListenerContainer("ld-placeholder");
        assertThat(container.group()).isEqualTo("ld-placeholder");
        assertThat(container.topics()).containsExactly("LD-Placeholder");

        template.syncSend("LD-Placeholder", "resolved");

        await().atMost(WAIT).until(() -> placeholders.received.contains("resolved"));
    }
}
