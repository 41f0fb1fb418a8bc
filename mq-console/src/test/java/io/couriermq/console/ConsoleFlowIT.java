package io.couriermq.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The console's own behaviour, on an in-memory cluster, in a real browser: writes go through the confirm
 * step (cancel does nothing), outcomes are shown, a POST without the form token is refused, and the
 * chart page draws the server's samples.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"courier.console.sample-interval=200ms", "courier.console.write-enabled=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleFlowIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        FakeConsoleData consoleData() {
            return new FakeConsoleData();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    FakeConsoleData data;

    HeadlessChromium browser;

    @BeforeAll
    void startBrowser() {
        browser = HeadlessChromium.startOrSkip("http://127.0.0.1:" + port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void creatingATopicAsksFirstAndShowsTheOutcome() {
        browser.open("/console/topics");
        browser.find(By.id("create-name")).sendKeys("Payments");
        browser.clickAndLoad(By.id("create-submit"));

        assertThat(browser.find(By.id("question")).getText()).contains("Payments", "4 read", "perm 6");
        assertThat(data.writes).doesNotContain("save Payments");
        browser.clickAndLoad(By.id("confirm"));

        assertThat(browser.find(By.id("outcome")).getText()).isEqualTo("topic Payments saved on broker-a");
        assertThat(browser.heading()).isEqualTo("Topic Payments");
        assertThat(data.writes).containsOnlyOnce("save Payments");
    }

    @Test
    void cancelOnTheConfirmPageWritesNothing() {
        browser.open("/console/topics/view?name=Orders");
        browser.clickAndLoad(By.id("delete-submit"));
        browser.clickAndLoad(By.id("cancel"));

        assertThat(browser.heading()).isEqualTo("Topic Orders");
        assertThat(data.writes).doesNotContain("delete Orders");
    }

    @Test
    void aFailedWriteShowsTheClusterAnswer() {
        browser.open("/console/dlq?group=orders-group");
        browser.submitAndConfirm(By.cssSelector("button.resend"));

        assertThat(browser.find(By.id("outcome")).getText()).contains("no such message");
        assertThat(browser.find(By.id("outcome")).getAttribute("class")).contains("failed");
    }

    @Test
    void aPostWithoutTheFormTokenIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/topics/delete"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("name=Orders&confirmed=true"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(data.topics).containsKey("Orders");
    }

    @Test
    void theChartPageDrawsTheServerSamples() {
        browser.open("/console/charts");
        browser.waitUntil(driver -> {
            String samples = driver.findElement(By.id("chart-status")).getAttribute("data-samples");
            return samples != null && Integer.parseInt(samples) > 0;
        });
        assertThat(browser.findAll(By.cssSelector("#chart-tps canvas"))).isNotEmpty();
        assertThat(browser.pageText()).contains("broker-a put");
    }

    @Test
    void aBadTimeIsNamedOnAnErrorPage() {
        browser.open("/console/groups/view?name=orders-group");
        browser.find(By.id("reset-time")).clear();
        browser.find(By.id("reset-time")).sendKeys("yesterday");
        browser.clickAndLoad(By.id("reset-submit"));

        assertThat(browser.find(By.id("problem")).getText()).contains("'yesterday' is not a time");
    }
}
