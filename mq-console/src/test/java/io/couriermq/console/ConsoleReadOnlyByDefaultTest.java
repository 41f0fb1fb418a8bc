package io.couriermq.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.context.WebApplicationContext;

/**
 * Without Spring Security and without {@code courier.console.write-enabled}, the console's pages are served
 * and its writes refused with 403, the page saying how to enable them; nothing reaches the cluster.
 */
@SpringBootTest(
        classes = ConsoleWriteAccess.App.class,
        properties = {"courier.console.sample-interval=1h"})
class ConsoleReadOnlyByDefaultTest {
    @Autowired
    WebApplicationContext context;

    @Autowired
    FakeConsoleData data;

    ConsoleWriteAccess console;

    @BeforeEach
    void browser() {
        console = new ConsoleWriteAccess(context);
    }

    @Test
    void aWriteIsRefusedSayingHowToEnableIt() throws Exception {
        console.deleteTopic("Orders")
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Console writes are disabled")))
                .andExpect(content().string(containsString("courier.console.write-enabled=true")))
                .andExpect(content().string(containsString("Spring Security")));

        assertThat(data.topics).containsKey("Orders");
        assertThat(data.writes).isEmpty();
    }

    @Test
    void readOnlyPagesAreServedAndSayTheConsoleIsReadOnly() throws Exception {
        console.page("/console/topics")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Orders")))
                .andExpect(content().string(containsString("id=\"read-only\"")));
    }
}
