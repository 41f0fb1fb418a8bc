package io.couriermq.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.context.WebApplicationContext;

/** With {@code courier.console.write-enabled=true} a confirmed write with the form token is carried out. */
@SpringBootTest(
        classes = ConsoleWriteAccess.App.class,
        properties = {"courier.console.sample-interval=1h", "courier.console.write-enabled=true"})
class ConsoleWritesEnabledTest {
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
    void aConfirmedWriteIsCarriedOut() throws Exception {
        console.deleteTopic("Orders").andExpect(status().isFound()).andExpect(redirectedUrl("/console/topics"));

        assertThat(data.writes).containsExactly("delete Orders");
    }

    @Test
    void pagesDoNotClaimToBeReadOnly() throws Exception {
        console.page("/console/topics")
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"read-only\""))));
    }
}
