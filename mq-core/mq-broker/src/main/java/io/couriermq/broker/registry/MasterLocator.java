package io.couriermq.broker.registry;

import io.couriermq.common.time.Clock;

/**
 * Where a slave's master is: its HA address from {@code haMasterAddress} when configured, else (and its
 * client address always) from the NameServers' answer to the slave's registration. A slave that
 * registered before its master did asks again every {@value #QUERY_INTERVAL_MS} ms rather than waiting
 * for the next periodic registration.
 */
public final class MasterLocator {
    static final long QUERY_INTERVAL_MS = 2_000;

    private final String configuredHaAddress;
    private final Clock clock;
    private volatile NameServerRegistrar registrar;
    private volatile long lastQueryMillis;

    /** @param configuredHaAddress haMasterAddress, or null to learn it from the NameServers */
    public MasterLocator(String configuredHaAddress, Clock clock) {
        this.configuredHaAddress = configuredHaAddress;
        this.clock = clock;
    }

    /** The registrar whose answers say where the master is; until then nothing is known but the configuration. */
    public void attach(NameServerRegistrar registrar) {
        this.registrar = registrar;
    }

    public void detach() {
        this.registrar = null;
    }

    /** The master's {@code host:haPort}; null while unknown. */
    public String haAddress() {
        if (configuredHaAddress != null) {
            return configuredHaAddress;
        }
        NameServerRegistrar current = registrar;
        if (current == null) {
            return null;
        }
        String learned = current.masterHaAddress();
        if (learned == null && clock.millis() - lastQueryMillis >= QUERY_INTERVAL_MS) {
            lastQueryMillis = clock.millis();
            current.wakeUp();
        }
        return learned;
    }

    /** The master's client address as the NameServers last answered; null while unknown (or gone). */
    public String address() {
        NameServerRegistrar current = registrar;
        return current == null ? null : current.masterAddress();
    }
}
