package io.couriermq.broker.config;

import io.couriermq.remoting.security.Credentials;
import java.nio.file.Path;

/**
 * The broker's access control.
 *
 * @param aclEnable broker.conf {@code aclEnable}: every request is checked against the accounts file
 * @param accountsFile the accounts file; null for RocketMQ's place ({@code $ROCKETMQ_HOME/conf/plain_acl.yml})
 * @param innerClientCredentials broker.conf {@code innerClientAuthenticationCredentials} (RocketMQ 5.3's key):
 *     what this broker signs its own requests with (to NameServers, a slave to its master) when ACL is on;
 *     null to sign nothing, as 5.2.0 (which relies on a global white list for those instead)
 */
public record AclSettings(boolean aclEnable, Path accountsFile, Credentials innerClientCredentials) {

    public static AclSettings disabled() {
        return new AclSettings(false, null, null);
    }

    public AclSettings withAccountsFile(Path file) {
        return new AclSettings(aclEnable, file, innerClientCredentials);
    }

    /** The credentials outbound requests are signed with: only when ACL is on and some are configured. */
    public Credentials outboundCredentials() {
        return aclEnable ? innerClientCredentials : null;
    }
}
