package io.couriermq.admin.message;

import java.util.List;

/** What a dead-letter resend did: how many went back to their original topic, and why others did not. */
public record ResendOutcome(int resent, List<String> skipped) {
    public ResendOutcome {
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }
}
