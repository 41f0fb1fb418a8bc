package io.couriermq.acl.model;

/** An accounts file's {@code dataVersion}: bumped (counter + 1, timestamp now) by every admin change. */
public record FileVersion(long counter, long timestamp) {

    public FileVersion next(long nowMs) {
        return new FileVersion(counter + 1, nowMs);
    }
}
