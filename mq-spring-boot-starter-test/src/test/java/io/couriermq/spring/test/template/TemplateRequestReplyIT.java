package io.couriermq.spring.test.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.client.ClientException;
import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQReplyListener;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.test.EmbeddedMQ;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.MessagingException;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Request-reply through the template: an {@link MQReplyListener} bean and listener methods answer, the
 * reply is read as a class or a generic type, sync and async; with nobody answering the request fails
 * after its timeout, not before and not much later.
 */
// the overloads without a timeout take the send timeout: generous, for a replier still starting up
@SpringBootTest(classes = TemplateRequestReplyIT.App.class, properties = "courier.producer.send-timeout=10s")
@EmbeddedMQ(topics = {"TplReqEcho:2", "TplReqQuote:2", "TplReqItems:2", "TplReqNobody:2"})
@DirtiesContext
class TemplateRequestReplyIT {
    private static final long TIMEOUT_MS = 10_000;

    record QuoteRequest(String symbol, int quantity) {}

    record Quote(String symbol, int quantity, long totalCents) {}

    record ItemsRequest(String prefix, int count) {}

    record Item(String name, int position) {}

    @SpringBootApplication
    @Import({Echo.class, Repliers.class})
    static class App {}

    @Component
    @MQMessageListener(
            topic = "TplReqEcho",
            consumerGroup = "tpl-req-echo",
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    static class Echo implements MQReplyListener<String, String> {
        @Override
        public String onMessage(String request) {
            return "pong:" + request;
        }
    }

    @Component
    static class Repliers {
        @MQMessageListener(
                topic = "TplReqQuote",
                consumerGroup = "tpl-req-quote",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        Quote quote(QuoteRequest request) {
            return new Quote(request.symbol(), request.quantity(), request.quantity() * 1_999L);
        }

        @MQMessageListener(
                topic = "TplReqItems",
                consumerGroup = "tpl-req-items",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        List<Item> items(ItemsRequest request) {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < request.count(); i++) {
                items.add(new Item(request.prefix() + i, i));
            }
            return items;
        }
    }

    @Autowired
    MQTemplate template;

    @Autowired
    @Qualifier("courierCallbackExecutor")
    ExecutorService callbackExecutor;

    @Test
    void aReplyListenerBeanAnswers() {
        String reply = template.sendAndReceive("TplReqEcho", "ping", String.class);

        assertThat(reply).isEqualTo("pong:ping");
    }

    @Test
    void aListenerMethodsReturnValueIsTheReply() {
        Quote quote = template.sendAndReceive("TplReqQuote", new QuoteRequest("ACME", 3), Quote.class, TIMEOUT_MS);

        assertThat(quote).isEqualTo(new Quote("ACME", 3, 5_997));
    }

    @Test
    void aGenericReplyTypeIsHonoured() {
        Type listOfItems = new ParameterizedTypeReference<List<Item>>() {}.getType();

        List<Item> items = template.sendAndReceive("TplReqItems", new ItemsRequest("item-", 3), listOfItems);

        assertThat(items).containsExactly(new Item("item-0", 0), new Item("item-1", 1), new Item("item-2", 2));
        assertThat(items).allSatisfy(item -> assertThat(item).isInstanceOf(Item.class));
    }

    @Test
    void anAsyncRequestCompletesWithTheReplyOnACallbackThread() throws Exception {
        AtomicReference<String> completedOn = new AtomicReference<>();
        CompletableFuture<String> observed;
        CallbackThreads busy = CallbackThreads.occupy(callbackExecutor);
        try {
            CompletableFuture<String> reply = template.sendAndReceiveAsync("TplReqEcho", "async", String.class);
            observed = reply.whenComplete(
                    (value, failure) -> completedOn.set(Thread.currentThread().getName()));
            assertThat(reply).isNotDone();
        } finally {
            busy.release();
        }

        assertThat(observed.get(TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo("pong:async");
        assertThat(completedOn.get()).startsWith("courier-template-callback");
    }

    @Test
    void aGenericAsyncRequestIsReadAsTheGenericType() throws Exception {
        Type listOfItems = new ParameterizedTypeReference<List<Item>>() {}.getType();

        CompletableFuture<List<Item>> reply =
                template.sendAndReceiveAsync("TplReqItems", new ItemsRequest("async-", 2), listOfItems, TIMEOUT_MS);

        assertThat(reply.get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
                .containsExactly(new Item("async-0", 0), new Item("async-1", 1));
    }

    @Test
    void withoutAReplierTheRequestFailsAfterItsTimeout() {
        long timeoutMs = 2_000;
        long start = System.nanoTime();

        assertThatThrownBy(() -> template.sendAndReceive("TplReqNobody", "anyone?", String.class, timeoutMs))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("TplReqNobody")
                .cause()
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("no reply");

        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(timeoutMs).isLessThanOrEqualTo(timeoutMs + 5_000);
    }

    @Test
    void withoutAReplierTheAsyncRequestFailsAfterItsTimeout() {
        long timeoutMs = 1_500;
        long start = System.nanoTime();

        CompletableFuture<String> reply =
                template.sendAndReceiveAsync("TplReqNobody", "hello?", String.class, timeoutMs);

        assertThatThrownBy(() -> reply.get(timeoutMs + 5_000, TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(MessagingException.class);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(timeoutMs);
    }
}
