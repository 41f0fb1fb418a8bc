package io.couriermq.console;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.couriermq.console.web.CsrfGuard;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** What the write-access tests share: the in-memory cluster, and requests as a browser with a session sends them. */
final class ConsoleWriteAccess {
    private final MockMvc mvc;
    private final MockHttpSession session = new MockHttpSession();
    private final String token;

    ConsoleWriteAccess(WebApplicationContext context) {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        token = CsrfGuard.token(request);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        FakeConsoleData consoleData() {
            return new FakeConsoleData();
        }
    }

    /** A confirmed delete of {@code topic}, with the session's form token, as the confirm page posts it. */
    ResultActions deleteTopic(String topic) throws Exception {
        return mvc.perform(post("/console/topics/delete")
                .session(session)
                .param("name", topic)
                .param("confirmed", "true")
                .param(CsrfGuard.PARAMETER, token));
    }

    ResultActions page(String path) throws Exception {
        return mvc.perform(get(path).session(session));
    }
}
