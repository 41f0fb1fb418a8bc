package io.couriermq.broker;

import io.couriermq.acl.AclConfig;
import io.couriermq.acl.AclGuard;
import io.couriermq.acl.AclRefusals;
import io.couriermq.acl.AclService;
import io.couriermq.broker.config.AclSettings;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.rpc.RequestGuard;

/**
 * The broker's access control (broker.conf {@code aclEnable}): the accounts, read before any port opens
 * (a file that cannot be used fails the start with its file and line: a broker asked to be closed never
 * starts open), and the guard both ports check every request with.
 */
final class BrokerAcl implements AutoCloseable {
    private final AclService service;
    private final RequestGuard guard;

    private BrokerAcl(AclService service, RequestGuard guard) {
        this.service = service;
        this.guard = guard;
    }

    static BrokerAcl open(AclSettings settings, AclRefusals refusals, Clock clock) {
        if (!settings.aclEnable()) {
            return new BrokerAcl(null, RequestGuard.ALLOW_ALL);
        }
        AclConfig config = AclConfig.defaults().withAccountsFile(settings.accountsFile());
        AclService service = AclService.open(
                config.locations(System::getProperty, System::getenv), clock, config.reloadIntervalMs());
        return new BrokerAcl(service, new AclGuard(service, refusals, clock));
    }

    /** Null when ACL is off. */
    AclService service() {
        return service;
    }

    RequestGuard guard() {
        return guard;
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
    }
}
