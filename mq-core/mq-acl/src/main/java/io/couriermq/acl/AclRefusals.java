package io.couriermq.acl;

import io.couriermq.acl.check.DenialReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Refused requests counted by reason, for the server's metrics. */
public final class AclRefusals {
    private final Map<DenialReason, LongAdder> counts = new EnumMap<>(DenialReason.class);

    public AclRefusals() {
        for (DenialReason reason : DenialReason.values()) {
            counts.put(reason, new LongAdder());
        }
    }

    void record(DenialReason reason) {
        counts.get(reason).increment();
    }

    public long count(DenialReason reason) {
        return counts.get(reason).sum();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
