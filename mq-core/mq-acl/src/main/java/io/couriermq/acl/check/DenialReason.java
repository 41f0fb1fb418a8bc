package io.couriermq.acl.check;

/** Why a request was refused; the metric's tag values. */
public enum DenialReason {
    /** The request could not be read for its resources (e.g. a heartbeat body that does not parse). */
    UNREADABLE_REQUEST("unreadable_request"),
    NO_ACCESS_KEY("no_access_key"),
    UNKNOWN_ACCESS_KEY("unknown_access_key"),
    BAD_SIGNATURE("bad_signature"),
    NEED_ADMIN("need_admin"),
    NO_PERMISSION("no_permission");

    private final String tag;

    DenialReason(String tag) {
        this.tag = tag;
    }

    /** The lower-case name used as a metric tag. */
    public String tag() {
        return tag;
    }
}
