package io.couriermq.console.data;

/** What a write did, in words for the page: success or failure and the detail the cluster answered. */
public record ActionOutcome(boolean success, String detail) {

    public static ActionOutcome ok(String detail) {
        return new ActionOutcome(true, detail);
    }

    public static ActionOutcome failed(String detail) {
        return new ActionOutcome(false, detail);
    }
}
