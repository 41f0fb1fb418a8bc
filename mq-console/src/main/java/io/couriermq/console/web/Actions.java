package io.couriermq.console.web;

import io.couriermq.console.data.ActionOutcome;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Runs a confirmed write and hands its outcome to the page the browser is sent to next. */
final class Actions {
    static final String OUTCOME = "outcome";
    private static final Logger log = LoggerFactory.getLogger(Actions.class);

    private Actions() {}

    /** Runs the write; a failure becomes a failed outcome carrying the cluster's message. */
    static String run(String what, Supplier<ActionOutcome> write, RedirectAttributes redirect, String next) {
        ActionOutcome outcome;
        try {
            outcome = write.get();
        } catch (RuntimeException e) {
            log.warn("console: {} failed: {}", what, e.toString());
            outcome = ActionOutcome.failed(what + " failed: " + (e.getMessage() == null ? e : e.getMessage()));
        }
        if (outcome.success()) {
            log.info("console: {}: {}", what, outcome.detail());
        }
        redirect.addFlashAttribute(OUTCOME, outcome);
        return "redirect:" + next;
    }

    /** A console URL with query parameters, encoded. */
    static String url(String path, String... namesAndValues) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            builder.queryParam(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.encode().build().toUriString();
    }
}
