package io.couriermq.spring.listener;

import io.couriermq.client.consumer.ConsumeContext;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.OrderlyContext;
import io.couriermq.client.consumer.OrderlyResult;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.spring.core.MQNonRetryableException;
import io.couriermq.spring.support.MQMessageConverter;
import io.couriermq.spring.support.MQMessageMapper;
import io.couriermq.spring.support.MQProducers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * The client-side listener of one container: finds the endpoint of each message's topic, calls it (with
 * local retries and the observation), and turns the outcome into the client's answer: success, a retry
 * through the broker at the endpoint's delay level, the dead-letter queue at once for non-retryable
 * failures, or a reply for a request.
 */
final class EndpointDispatcher {
    private static final Logger log = LoggerFactory.getLogger(EndpointDispatcher.class);
    private static final String RETRY_PREFIX = "%RETRY%";
    private static final String CORRELATION_ID = "CORRELATION_ID";
    private static final String REPLY_TO_CLIENT = "REPLY_TO_CLIENT";

    private final String group;
    private final Map<String, MQListenerEndpoint> byTopic = new LinkedHashMap<>();
    private final MQProducers producers;
    private final MQMessageConverter converter;
    private final LocalRetry localRetry;
    private final ReceiveObservation observation;

    EndpointDispatcher(
            String group,
            List<MQListenerEndpoint> endpoints,
            MQProducers producers,
            MQMessageConverter converter,
            LocalRetry localRetry,
            ReceiveObservation observation) {
        this.group = group;
        endpoints.forEach(endpoint -> byTopic.put(endpoint.topic(), endpoint));
        this.producers = producers;
        this.converter = converter;
        this.localRetry = localRetry;
        this.observation = observation;
    }

    ConsumeResult consume(ReceivedMessage message, ConsumeContext context) {
        MQListenerEndpoint endpoint = endpointOf(context.queue(), message);
        try {
            Object result =
                    callWithRetries(endpoint, message, () -> endpoint.invoker().invoke(message));
            if (Boolean.FALSE.equals(result)) {
                context.delayLevelWhenNextConsume(endpoint.delayLevelWhenNextConsume());
                return ConsumeResult.RECONSUME_LATER;
            }
            replyIfRequested(message, result);
            return ConsumeResult.SUCCESS;
        } catch (Exception e) {
            boolean dead = isNonRetryable(e);
            log.warn(
                    "listener {} failed on message {} (reconsumeTimes {}){}: {}",
                    endpoint.source(),
                    message.messageId(),
                    message.reconsumeTimes(),
                    dead ? ", not retryable: to the dead-letter queue" : ", retried later",
                    e.toString());
            context.delayLevelWhenNextConsume(dead ? -1 : endpoint.delayLevelWhenNextConsume());
            return ConsumeResult.RECONSUME_LATER;
        }
    }

    ConsumeResult consumeBatch(List<ReceivedMessage> messages, ConsumeContext context) {
        MQListenerEndpoint endpoint = endpointOf(context.queue(), messages.get(0));
        try {
            Object result = callWithRetries(
                    endpoint, messages.get(0), () -> endpoint.invoker().invokeBatch(messages));
            if (Boolean.FALSE.equals(result)) {
                context.delayLevelWhenNextConsume(endpoint.delayLevelWhenNextConsume());
                return ConsumeResult.RECONSUME_LATER;
            }
            return ConsumeResult.SUCCESS;
        } catch (Exception e) {
            boolean dead = isNonRetryable(e);
            log.warn("batch listener {} failed on {} messages: {}", endpoint.source(), messages.size(), e.toString());
            context.delayLevelWhenNextConsume(dead ? -1 : endpoint.delayLevelWhenNextConsume());
            return ConsumeResult.RECONSUME_LATER;
        }
    }

    OrderlyResult consumeOrderly(ReceivedMessage message, OrderlyContext context) {
        MQListenerEndpoint endpoint = endpointOf(context.queue(), message);
        context.suspendMs(endpoint.suspendCurrentQueueMs());
        try {
            Object result =
                    callWithRetries(endpoint, message, () -> endpoint.invoker().invoke(message));
            if (Boolean.FALSE.equals(result)) {
                return OrderlyResult.SUSPEND_CURRENT_QUEUE_A_MOMENT;
            }
            replyIfRequested(message, result);
            return OrderlyResult.SUCCESS;
        } catch (Exception e) {
            if (isNonRetryable(e) && sendToDeadLetters(message)) {
                log.warn(
                        "orderly listener {}: message {} is not retryable, moved to %DLQ%{}: {}",
                        endpoint.source(), message.messageId(), group, e.toString());
                return OrderlyResult.SUCCESS;
            }
            log.warn(
                    "orderly listener {} failed on message {}; the queue is suspended for {} ms: {}",
                    endpoint.source(),
                    message.messageId(),
                    endpoint.suspendCurrentQueueMs(),
                    e.toString());
            return OrderlyResult.SUSPEND_CURRENT_QUEUE_A_MOMENT;
        }
    }

    /** The endpoint of the topic the message was sent to; retried messages come back under their original topic. */
    private MQListenerEndpoint endpointOf(MessageQueue queue, ReceivedMessage message) {
        String topic = queue.topic().startsWith(RETRY_PREFIX) ? message.topic() : queue.topic();
        MQListenerEndpoint endpoint = byTopic.get(topic);
        if (endpoint == null) {
            endpoint = byTopic.get(message.topic());
        }
        if (endpoint == null) {
            throw new IllegalStateException("group " + group + " has no listener for topic " + topic);
        }
        return endpoint;
    }

    private Object callWithRetries(MQListenerEndpoint endpoint, ReceivedMessage message, Invocation call)
            throws Exception {
        int attempt = 1;
        while (true) {
            try {
                return observation.observe(group, message, call::invoke);
            } catch (Exception e) {
                if (attempt >= localRetry.maxAttempts() || isNonRetryable(e)) {
                    throw e;
                }
                long waitMs = localRetry.backoffMs(attempt);
                log.debug(
                        "listener {} failed (attempt {}), retrying in {} ms: {}",
                        endpoint.source(),
                        attempt,
                        waitMs,
                        e.toString());
                Thread.sleep(waitMs);
                attempt++;
            }
        }
    }

    private static boolean isNonRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MQNonRetryableException
                    || t instanceof MessageConversionException
                    || t instanceof MethodArgumentResolutionException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private void replyIfRequested(ReceivedMessage request, Object result) {
        if (result == null
                || result instanceof Boolean
                || request.property(CORRELATION_ID) == null
                || request.property(REPLY_TO_CLIENT) == null) {
            return;
        }
        try {
            Object payload = result instanceof Message<?> m ? m.getPayload() : result;
            Map<String, String> properties =
                    result instanceof Message<?> m ? MQMessageMapper.userProperties(m.getHeaders()) : Map.of();
            producers.defaultProducer().reply(request, converter.toBody(payload), properties);
        } catch (RuntimeException e) {
            log.warn(
                    "reply to request {} was not sent; the requester will time out: {}",
                    request.messageId(),
                    e.toString());
        }
    }

    /** Moves a message to the group's dead-letter queue through the producer; false when that fails. */
    private boolean sendToDeadLetters(ReceivedMessage message) {
        try {
            OutgoingMessage.Builder copy = OutgoingMessage.builder("%DLQ%" + group, message.body());
            message.properties().forEach((name, value) -> {
                if (!OutgoingMessage.isReservedPropertyName(name)) {
                    copy.property(name, value);
                }
            });
            if (message.tags() != null) {
                copy.tags(message.tags());
            }
            if (!message.keys().isEmpty()) {
                copy.keys(message.keys());
            }
            copy.system("RETRY_TOPIC", message.topic()).system("ORIGIN_MESSAGE_ID", message.messageId());
            producers.defaultProducer().send(copy.build());
            return true;
        } catch (RuntimeException e) {
            log.warn("message {} could not be moved to %DLQ%{}: {}", message.messageId(), group, e.toString());
            return false;
        }
    }

    @FunctionalInterface
    private interface Invocation {
        Object invoke() throws Exception;
    }
}
