package io.couriermq.acl;

import io.couriermq.acl.file.AclFileLocations;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * How a server's ACL is set up.
 *
 * @param accountsFile the main accounts file; null to find it as RocketMQ does ({@code
 *     $ROCKETMQ_HOME/conf/plain_acl.yml}, see {@link AclFileLocations#fromEnvironment})
 * @param reloadIntervalMs how often the files are checked for changes; 0 for never (tests reload by hand)
 */
public record AclConfig(Path accountsFile, long reloadIntervalMs) {
    public static final long DEFAULT_RELOAD_INTERVAL_MS = 500;

    public AclConfig {
        if (reloadIntervalMs < 0) {
            throw new IllegalArgumentException("reloadIntervalMs must be >= 0, was " + reloadIntervalMs);
        }
    }

    public static AclConfig defaults() {
        return new AclConfig(null, DEFAULT_RELOAD_INTERVAL_MS);
    }

    public AclConfig withAccountsFile(Path file) {
        return new AclConfig(file, reloadIntervalMs);
    }

    /** Where the accounts are, given the process's system properties and environment. */
    public AclFileLocations locations(UnaryOperator<String> systemProperties, UnaryOperator<String> env) {
        return accountsFile != null
                ? AclFileLocations.of(accountsFile)
                : AclFileLocations.fromEnvironment(systemProperties, env);
    }
}
