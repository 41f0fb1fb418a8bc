package io.couriermq.acl;

import io.couriermq.acl.check.AccessDenial;
import io.couriermq.acl.check.AccessPolicy;
import io.couriermq.acl.check.DenialReason;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.remoting.rpc.RequestGuard;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every request against the accounts in force with an {@link AccessPolicy} (the broker's by
 * default) and refuses as RocketMQ
 * 5.2.0 does: SYSTEM_ERROR (1) with the remark {@code org.apache.rocketmq.acl.common.AclException:
 * <message>, <where>}, which official clients show (the producer retries codes 1 and 16 like any other
 * broker failure). A refused oneway request is dropped by the server, unanswered, as there. Refusals are
 * counted by reason and logged at WARN, at most once a second per reason, with the access key, the
 * client address and the request code; never a secret or a signature.
 */
public final class AclGuard implements RequestGuard {
    /** The exception name official clients and tools print; the part after the comma names our check. */
    static final String REMARK_PREFIX = "org.apache.rocketmq.acl.common.AclException: ";

    static final String WHERE = ", io.couriermq.acl.check.AccessValidator.check(AccessValidator.java)";

    private static final Logger log = LoggerFactory.getLogger(AclGuard.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final AclService service;
    private final AccessPolicy policy;
    private final AclRefusals refusals;
    private final Clock clock;
    private final Map<DenialReason, AtomicLong> lastLogged = new EnumMap<>(DenialReason.class);
    private final Map<DenialReason, AtomicLong> unlogged = new EnumMap<>(DenialReason.class);

    /** The broker's guard: every request checked ({@link AccessPolicy#BROKER}). */
    public AclGuard(AclService service, AclRefusals refusals, Clock clock) {
        this(service, AccessPolicy.BROKER, refusals, clock);
    }

    public AclGuard(AclService service, AccessPolicy policy, AclRefusals refusals, Clock clock) {
        this.service = service;
        this.policy = policy;
        this.refusals = refusals;
        this.clock = clock;
        for (DenialReason reason : DenialReason.values()) {
            lastLogged.put(reason, new AtomicLong(clock.nanos() - LOG_INTERVAL_NANOS));
            unlogged.put(reason, new AtomicLong());
        }
    }

    @Override
    public RemotingCommand refuse(RemotingChannel channel, RemotingCommand request) {
        AccessDenial denial = policy.check(service.accounts(), channel.remoteAddress(), request);
        if (denial == null) {
            return null;
        }
        refusals.record(denial.reason());
        logRefusal(channel, request, denial);
        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                .remark(REMARK_PREFIX + denial.message() + WHERE)
                .build();
    }

    private void logRefusal(RemotingChannel channel, RemotingCommand request, AccessDenial denial) {
        AtomicLong last = lastLogged.get(denial.reason());
        long now = clock.nanos();
        long previous = last.get();
        if (now - previous < LOG_INTERVAL_NANOS || !last.compareAndSet(previous, now)) {
            unlogged.get(denial.reason()).incrementAndGet();
            return;
        }
        long skipped = unlogged.get(denial.reason()).getAndSet(0);
        log.warn(
                "refused {} from {} (accessKey {}): {}{}",
                RequestCode.nameOf(request.code()),
                channel.remoteAddress(),
                denial.accessKey() == null ? "none" : denial.accessKey(),
                denial.message(),
                skipped == 0 ? "" : " (" + skipped + " more " + denial.reason().tag() + " refusals not logged)");
    }
}
