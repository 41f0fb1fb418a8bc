package io.couriermq.namesrv.acl;

import io.couriermq.acl.AclConfig;
import io.couriermq.acl.AclGuard;
import io.couriermq.acl.AclRefusals;
import io.couriermq.acl.AclService;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.rpc.RequestGuard;

/**
 * The NameServer's access control when it is on: the accounts, read before the port opens (a file that
 * cannot be used fails the start with its file and line: a NameServer asked to be closed never starts
 * open), watched for changes, and the guard that checks writes against them ({@link NameServerAccess}).
 */
public final class NameServerAcl implements AutoCloseable {
    private final AclService service;
    private final RequestGuard guard;

    private NameServerAcl(AclService service, RequestGuard guard) {
        this.service = service;
        this.guard = guard;
    }

    /** {@code config} null: everything open, as RocketMQ 5.2.0. */
    public static NameServerAcl open(AclConfig config, AclRefusals refusals, Clock clock) {
        if (config == null) {
            return new NameServerAcl(null, RequestGuard.ALLOW_ALL);
        }
        AclService service = AclService.open(
                config.locations(System::getProperty, System::getenv), clock, config.reloadIntervalMs());
        return new NameServerAcl(service, new AclGuard(service, new NameServerAccess(), refusals, clock));
    }

    public RequestGuard guard() {
        return guard;
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
    }
}
