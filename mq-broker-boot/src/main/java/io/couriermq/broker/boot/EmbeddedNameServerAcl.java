package io.couriermq.broker.boot;

import io.couriermq.acl.AclConfig;
import io.couriermq.broker.config.AclSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone NameServer's ACL follows the broker's {@code aclEnable}, with the broker's accounts file:
 * its writes then need an admin account, and the broker signs its registrations with {@code
 * innerClientAuthenticationCredentials}. A broker with ACL on but no such credentials would be locked out
 * of its own NameServer, so then the NameServer stays open, and says why at start-up.
 */
final class EmbeddedNameServerAcl {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedNameServerAcl.class);

    private EmbeddedNameServerAcl() {}

    /** The NameServer's ACL for a broker with {@code broker}'s settings; null for none. */
    static AclConfig follow(AclSettings broker) {
        if (!broker.aclEnable()) {
            return null;
        }
        if (broker.innerClientCredentials() == null) {
            log.warn("standalone: aclEnable is on but innerClientAuthenticationCredentials is not set, so the"
                    + " embedded NameServer stays open to writes (its own broker could not register otherwise);"
                    + " set innerClientAuthenticationCredentials to an admin account to close it");
            return null;
        }
        log.info(
                "standalone: the embedded NameServer's writes need an admin account; the broker signs its"
                        + " registrations as {}",
                broker.innerClientCredentials().accessKey());
        return AclConfig.defaults().withAccountsFile(broker.accountsFile());
    }
}
