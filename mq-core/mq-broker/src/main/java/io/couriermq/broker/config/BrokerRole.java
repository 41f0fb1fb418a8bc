package io.couriermq.broker.config;

/** A broker's place in its group, as broker.conf's {@code brokerRole} names it. */
public enum BrokerRole {
    ASYNC_MASTER,
    SYNC_MASTER,
    SLAVE;

    public boolean isMaster() {
        return this != SLAVE;
    }
}
