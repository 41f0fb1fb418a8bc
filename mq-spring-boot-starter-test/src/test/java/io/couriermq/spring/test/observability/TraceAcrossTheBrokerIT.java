package io.couriermq.spring.test.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.test.Assignments;
import io.couriermq.spring.test.EmbeddedMQ;
import io.couriermq.test.EmbeddedCluster;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

/**
 * One trace from the template to the listener, through a real broker and a real tracer (Brave, wired by
 * Boot's tracing auto-configuration): the sender's trace id travels in the message's properties and the
 * listener runs in a span of that trace.
 */
@SpringBootTest(
        classes = TraceAcrossTheBrokerIT.App.class,
        properties = {"courier.observation.enabled=true", "management.tracing.sampling.probability=1.0"})
@EmbeddedMQ(topics = "ObsTrace:1")
class TraceAcrossTheBrokerIT {
    private static final String TOPIC = "ObsTrace";

    @SpringBootApplication
    @Import(TracedListener.class)
    static class App {}

    /** What the listener saw for each body: the trace and span current during its call, and the message. */
    record Seen(String traceId, String spanId, ReceivedMessage message) {}

    @Component
    @MQMessageListener(topic = TOPIC, consumerGroup = "obs-trace-group")
    static class TracedListener implements MQListener<ReceivedMessage> {
        final Map<String, Seen> seen = new ConcurrentHashMap<>();
        private final Tracer tracer;

        TracedListener(Tracer tracer) {
            this.tracer = tracer;
        }

        @Override
        public void onMessage(ReceivedMessage message) {
            Span span = tracer.currentSpan();
            seen.put(
                    new String(message.body(), java.nio.charset.StandardCharsets.UTF_8),
                    span == null
                            ? new Seen("none", "none", message)
                            : new Seen(span.context().traceId(), span.context().spanId(), message));
        }
    }

    @Autowired
    MQTemplate template;

    @Autowired
    ObservationRegistry observationRegistry;

    @Autowired
    Tracer tracer;

    @Autowired
    TracedListener listener;

    @Autowired
    MQListenerEndpointRegistry registry;

    @Autowired
    EmbeddedCluster embeddedMQCluster;

    @Test
    void theListenerContinuesTheSendersTrace() {
        Assignments.awaitAll(registry, embeddedMQCluster);
        Span sender = Observation.createNotStarted("test.checkout", observationRegistry)
                .observe(() -> {
                    Span current = tracer.currentSpan();
                    template.syncSend(TOPIC, "traced");
                    return current;
                });
        assertThat(sender).isNotNull();
        String senderTraceId = sender.context().traceId();
        String senderSpanId = sender.context().spanId();
        assertThat(tracer.currentSpan()).isNull();

        await().atMost(Duration.ofSeconds(15)).until(() -> listener.seen.containsKey("traced"));
        Seen seen = listener.seen.get("traced");
        assertThat(seen.traceId()).isEqualTo(senderTraceId);
        assertThat(seen.spanId()).isNotEqualTo(senderSpanId);
        assertThat(seen.message().property("traceparent")).contains(senderTraceId);

        template.syncSend(TOPIC, "untraced-parent");
        await().atMost(Duration.ofSeconds(15)).until(() -> listener.seen.containsKey("untraced-parent"));
        Seen root = listener.seen.get("untraced-parent");
        assertThat(root.traceId()).isNotEqualTo("none").isNotEqualTo(senderTraceId);
    }
}
