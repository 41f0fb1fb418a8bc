package io.couriermq.samples.quickstart;

import io.couriermq.client.producer.SendResult;
import io.couriermq.spring.core.MQSendCallback;
import io.couriermq.spring.core.MQTemplate;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends one message with each family of {@link MQTemplate} methods, then waits until the listeners have
 * received all of them. Runs once the application has started, so the listeners are already consuming.
 */
@Component
public class QuickstartRunner implements ApplicationRunner, ExitCodeGenerator {
    private static final Logger log = LoggerFactory.getLogger(QuickstartRunner.class);
    private static final long SEND_TIMEOUT_MS = 3_000;
    /** Generous: on a fresh broker the listener finds the request topic at its first rebalance after it appeared. */
    private static final long REPLY_TIMEOUT_MS = 15_000;

    private final MQTemplate template;
    private final Inbox inbox;
    private final Duration timeout;
    private volatile int exitCode = 1;

    public QuickstartRunner(MQTemplate template, Inbox inbox, @Value("${quickstart.timeout:60s}") Duration timeout) {
        this.template = template;
        this.inbox = inbox;
        this.timeout = timeout;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        // sync: a String, an object (sent as JSON), and a tag given as "topic:tag"
        template.syncSend(Topics.NOTES, "sync send");
        template.syncSend(Topics.GREETINGS, new Greeting("Ada", "hello"));
        template.syncSend(Topics.NOTES + ":important", "sync send with a tag");

        // async: wait on the future, or be called back
        template.asyncSend(Topics.NOTES, "async send, future").join();
        template.asyncSend(Topics.NOTES, "async send, callback", new MQSendCallback() {
            @Override
            public void onSuccess(SendResult result) {
                log.info("async send stored as {}", result.messageId());
            }

            @Override
            public void onException(Throwable failure) {
                log.error("async send failed", failure);
            }
        });

        // oneway: no answer from the broker, the fastest and the only send that may be lost
        template.sendOneWay(Topics.NOTES, "oneway send");

        // orderly: messages with the same hash key go to the same queue, so they are consumed in order
        template.syncSendOrderly(Topics.NOTES, "orderly send", "order-42");

        // delayed: by a delay level (1 = 1 s, 2 = 5 s, ...), by seconds, or until a point in time
        template.syncSend(
                Topics.NOTES, MessageBuilder.withPayload("delay level 1 (1 s)").build(), SEND_TIMEOUT_MS, 1);
        template.syncSendDelayTimeSeconds(Topics.NOTES, "delayed by 2 seconds", 2);
        template.syncSendDeliverTimeMills(Topics.NOTES, "delivered at a time", System.currentTimeMillis() + 2_000);

        // batch: several messages of one topic in one request
        template.syncSend(
                Topics.NOTES,
                List.of(
                        MessageBuilder.withPayload("batch part 1").build(),
                        MessageBuilder.withPayload("batch part 2").build()));

        // request-reply: blocks until EchoListener answers
        String reply = template.sendAndReceive(Topics.REQUESTS, "ping", String.class, REPLY_TIMEOUT_MS);
        inbox.record("reply: " + reply);

        if (inbox.awaitAll(timeout)) {
            log.info("all {} messages received", Inbox.EXPECTED.size());
            exitCode = 0;
        } else {
            log.error("not received within {}: {}", timeout, inbox.missing());
        }
    }

    /** 0 when every message arrived, else 1; {@code SpringApplication.exit} asks this at the end. */
    @Override
    public int getExitCode() {
        return exitCode;
    }
}
