package io.couriermq.client.route;

/** One member of a broker set: its broker id (0 is the master, 1 and up are slaves) and its address. */
public record Replica(String brokerName, long brokerId, String address) {
    public static final long MASTER_ID = 0L;

    public boolean isMaster() {
        return brokerId == MASTER_ID;
    }
}
