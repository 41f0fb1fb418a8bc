package io.couriermq.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.producer.SendResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The console against a real cluster (two masters and a NameServer in this JVM), in headless Chromium:
 * each page shows what was really sent and consumed, a topic is created, updated and deleted through
 * the forms, a reset by time moves the committed offsets (and the group reads again from there), a dead
 * letter re-sent arrives again, a pending delivery is cancelled, and the charts draw the server's
 * samples. A screenshot of every page goes to target/console-screenshots/.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"courier.console.sample-interval=500ms", "courier.console.write-enabled=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
    static final String TOPIC = "ConsoleOrders";
    static final String GROUP = "console-orders-group";
    static final int SENT = 10;

    static volatile ConsoleTestCluster cluster;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        /** Asked lazily, as the apps' suppliers are: the cluster starts once the test instance exists. */
        @Bean
        ConsoleNameServer consoleNameServer() {
            return () -> cluster == null ? "" : cluster.nameServer();
        }
    }

    @LocalServerPort
    int port;

    HeadlessChromium browser;
    Instant beforeFirstSend;
    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    @BeforeAll
    void start() throws IOException {
        browser = HeadlessChromium.startOrSkip("http://127.0.0.1:" + port);
        cluster = new ConsoleTestCluster(
                Files.createTempDirectory(Files.createDirectories(Path.of("target")), "console-it-offsets-"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    @Test
    @Order(1)
    void theClusterPageShowsEveryBroker() {
        browser.open("/console/cluster");

        List<WebElement> rows = browser.findAll(By.cssSelector("#brokers tbody tr[data-broker]"));
        assertThat(rows).extracting(row -> row.getAttribute("data-broker")).containsExactly("broker-a", "broker-b");
        assertThat(browser.find(By.id("brokers")).getText())
                .contains("DefaultCluster", "MASTER", "V5_2_0", cluster.cluster.brokerAddress("broker-a"));
        browser.screenshot("cluster");
    }

    @Test
    @Order(2)
    void aTopicCreatedThroughTheFormShowsItsQueuesAndMessages() {
        browser.open("/console/topics");
        browser.find(By.id("create-name")).sendKeys(TOPIC);
        browser.clickAndLoad(By.id("create-submit"));
        assertThat(browser.find(By.id("question")).getText()).contains(TOPIC, "every master");
        browser.clickAndLoad(By.id("confirm"));

        assertThat(browser.find(By.id("outcome")).getText()).contains("saved on broker-a, broker-b");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cluster.cluster.route(TOPIC).isPresent());
        beforeFirstSend = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        for (int i = 0; i < SENT; i++) {
            cluster.send(TOPIC, "order-" + i, "paid", "order-key-" + i);
        }

        // a send is acknowledged once stored; its queue's max offset moves when the broker has dispatched it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            browser.open("/console/topics/view?name=" + TOPIC);
            assertThat(sumOf(".max")).isEqualTo(SENT);
        });
        assertThat(browser.findAll(By.cssSelector("#queues tbody tr"))).hasSize(8);
        assertThat(browser.find(By.id("message-count")).getText()).isEqualTo(String.valueOf(SENT));
        browser.screenshot("topic");
        browser.open("/console/topics");
        assertThat(browser.find(By.cssSelector("#topics tr[data-topic='" + TOPIC + "'] .messages"))
                        .getText())
                .isEqualTo(String.valueOf(SENT));
        browser.screenshot("topics");
    }

    @Test
    @Order(3)
    void aTopicIsUpdatedAndDeletedThroughTheForms() {
        String topic = "ConsoleScratch";
        cluster.cluster.createTopic(topic, 2);
        browser.open("/console/topics/view?name=" + topic);
        WebElement writeQueues = browser.find(By.cssSelector("#update-topic input[name=writeQueues]"));
        writeQueues.clear();
        writeQueues.sendKeys("3");
        WebElement readQueues = browser.find(By.cssSelector("#update-topic input[name=readQueues]"));
        readQueues.clear();
        readQueues.sendKeys("3");
        browser.submitAndConfirm(By.id("update-submit"));
        assertThat(browser.find(By.id("outcome")).getText()).contains("saved on");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            browser.open("/console/topics/view?name=" + topic);
            assertThat(browser.find(By.id("write-queues")).getText()).isEqualTo("3");
        });

        browser.submitAndConfirm(By.id("delete-submit"));
        assertThat(browser.find(By.id("outcome")).getText()).contains("deleted from broker-a, broker-b");
        assertThat(cluster.cluster.route(topic)).isEmpty();
        assertThat(browser.findAll(By.cssSelector("#topics tr[data-topic='" + topic + "']")))
                .isEmpty();
    }

    @Test
    @Order(4)
    void theGroupPagesShowMembersOffsetsAndLag() {
        var consumer = cluster.consume(GROUP, TOPIC, -1, (message, context) -> {
            count(new String(message.body()));
            return ConsumeResult.SUCCESS;
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.open("/console/groups/view?name=" + GROUP);
            assertThat(sumOf("#progress tr[data-queue^='" + TOPIC + "@'] .consumer-offset"))
                    .isEqualTo(SENT);
        });
        assertThat(browser.find(By.id("members")).getText()).contains(GROUP + "-0");
        assertThat(browser.find(By.id("total-lag")).getText()).isEqualTo("0");
        browser.screenshot("group");

        consumer.close();
        for (int i = SENT; i < SENT + 3; i++) {
            cluster.send(TOPIC, "order-" + i, "paid", "order-key-" + i);
        }
        browser.open("/console/groups");
        assertThat(browser.find(By.cssSelector("#groups tr[data-group='" + GROUP + "'] .lag"))
                        .getText())
                .isEqualTo("3");
        browser.screenshot("groups");
    }

    @Test
    @Order(5)
    void aResetByTimeMovesTheCommittedOffsetsAndTheGroupReadsAgain() {
        browser.open("/console/groups/view?name=" + GROUP);
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("reset-topic"))).selectByValue(TOPIC);
        WebElement time = browser.find(By.id("reset-time"));
        time.clear();
        time.sendKeys(
                LocalDateTime.ofInstant(beforeFirstSend, ZoneId.systemDefault()).toString());
        browser.clickAndLoad(By.id("reset-submit"));
        assertThat(browser.find(By.id("question")).getText()).contains(GROUP, TOPIC);
        browser.clickAndLoad(By.id("confirm"));

        assertThat(browser.find(By.id("outcome")).getText())
                .startsWith("offsets now")
                .contains("broker-a/0 = 0");
        assertThat(sumOf("#progress tr[data-queue^='" + TOPIC + "@'] .consumer-offset"))
                .isZero();
        assertThat(browser.find(By.id("total-lag")).getText()).isEqualTo(String.valueOf(SENT + 3));
        browser.screenshot("group-after-reset");

        cluster.consume(GROUP, TOPIC, -1, (message, context) -> {
            count(new String(message.body()));
            return ConsumeResult.SUCCESS;
        });
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deliveries.get("order-0").get()).isEqualTo(2));
    }

    @Test
    @Order(6)
    void messagesAreFoundByKeyAndTimeAndShowTheirBodyAndProperties() {
        browser.open("/console/messages");
        browser.find(By.id("search-topic")).sendKeys(TOPIC);
        browser.find(By.id("search-key")).sendKeys("order-key-3");
        browser.clickAndLoad(By.id("search-submit"));
        assertThat(browser.findAll(By.cssSelector("#results tbody tr[data-msg-id]")))
                .hasSize(1);
        browser.screenshot("messages");

        browser.clickAndLoad(By.cssSelector("#results tbody tr[data-msg-id] a"));
        assertThat(browser.find(By.id("body")).getText()).isEqualTo("order-3");
        assertThat(browser.find(By.id("properties")).getText()).contains("KEYS", "order-key-3", "TAGS", "paid");
        browser.screenshot("message");

        browser.open("/console/messages?topic=" + TOPIC + "&begin="
                + LocalDateTime.ofInstant(beforeFirstSend, ZoneId.systemDefault()));
        assertThat(browser.findAll(By.cssSelector("#results tbody tr[data-msg-id]")))
                .hasSize(SENT + 3);
    }

    @Test
    @Order(7)
    void aMessageResentToTheGroupArrivesAgain() {
        SendResult sent = cluster.send(TOPIC, "resend-me", "paid", "resend-key");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deliveries.get("resend-me")).hasValue(1));
        browser.open("/console/messages/view?topic=" + TOPIC + "&id=" + sent.offsetMessageId());
        WebElement group = browser.find(By.id("resend-group"));
        group.clear();
        group.sendKeys(GROUP);
        browser.submitAndConfirm(By.id("resend-submit"));

        String outcome = browser.find(By.id("outcome")).getText();
        Assumptions.assumeFalse(
                outcome.contains("REQUEST_CODE_NOT_SUPPORTED"),
                "skipped: this broker does not relay CONSUME_MESSAGE_DIRECTLY (309) yet: " + outcome);
        assertThat(outcome).contains("CR_SUCCESS");
        assertThat(deliveries.get("resend-me")).hasValue(2);
    }

    @Test
    @Order(8)
    void aDeadLetterIsListedAndResentToItsTopic() {
        String topic = "ConsolePoison";
        String group = "console-poison-group";
        cluster.cluster.createTopic(topic, 1);
        cluster.consume(
                group,
                topic,
                0,
                (message, context) ->
                        count(new String(message.body())) == 1 ? ConsumeResult.RECONSUME_LATER : ConsumeResult.SUCCESS);
        cluster.send(topic, "poison-1", "bad", "poison-key");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.open("/console/dlq?group=" + group);
            assertThat(browser.findAll(By.cssSelector("#letters tbody tr[data-msg-id]")))
                    .hasSize(1);
        });
        assertThat(browser.find(By.id("letters")).getText()).contains("poison-key");
        browser.screenshot("dlq");

        browser.submitAndConfirm(By.cssSelector("#letters button.resend"));
        assertThat(browser.find(By.id("outcome")).getText()).contains("re-sent to its original topic");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deliveries.get("poison-1")).hasValue(2));
    }

    @Test
    @Order(9)
    void aPendingDelayedMessageIsListedAndCancelled() {
        cluster.sendDelayed(TOPIC, "later", 18); // level 18: two hours
        browser.open("/console/pending?topic=" + TOPIC);
        assertThat(browser.findAll(By.cssSelector("#pending tbody tr[data-msg-id]")))
                .hasSize(1);
        browser.screenshot("pending");

        browser.submitAndConfirm(By.cssSelector("#pending button.cancel"));
        assertThat(browser.find(By.id("outcome")).getText()).contains("cancelled");
        assertThat(browser.findAll(By.cssSelector("#pending tbody tr[data-msg-id]")))
                .isEmpty();
    }

    @Test
    @Order(10)
    void theChartsDrawTpsAndLagSampledOnTheServer() {
        browser.open("/console/charts");
        browser.waitUntil(driver -> {
            String samples = driver.findElement(By.id("chart-status")).getAttribute("data-samples");
            return samples != null && Integer.parseInt(samples) > 1;
        });
        assertThat(browser.findAll(By.cssSelector("#chart-tps canvas"))).isNotEmpty();
        assertThat(browser.pageText()).contains("broker-a put", "broker-b get", GROUP);
        browser.screenshot("charts");
    }

    private int count(String body) {
        return deliveries.computeIfAbsent(body, key -> new AtomicInteger()).incrementAndGet();
    }

    private long sumOf(String cssSelector) {
        String selector = cssSelector.startsWith(".") ? "#queues tbody tr " + cssSelector : cssSelector;
        return browser.findAll(By.cssSelector(selector)).stream()
                .mapToLong(cell -> Long.parseLong(cell.getText().trim()))
                .sum();
    }
}
