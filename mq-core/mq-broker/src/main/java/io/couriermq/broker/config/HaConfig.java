package io.couriermq.broker.config;

/**
 * Replication settings, with RocketMQ's broker.conf key names and defaults.
 *
 * @param haListenPort the port slaves connect to; -1 for {@code listenPort + 1} (or a free port when
 *     listenPort is 0, as in tests)
 * @param haMasterAddress {@code host:port} of the master's HA port for a slave; null to learn it from the
 *     NameServer's registration answer
 * @param haSendHeartbeatInterval ms between a slave's offset reports and a master's idle frames
 * @param haHousekeepingInterval ms of silence after which either side closes the connection
 * @param haTransferBatchSize most log bytes in one frame
 * @param haMaxGapNotInSync bytes a slave may lag and still count as in sync for SYNC_MASTER
 * @param slaveReadEnable whether a slave serves pulls while its master is up (and a master may suggest it)
 * @param accessMessageInMemoryMaxRatio percent of physical memory a consumer may lag behind before the
 *     master suggests reading from a slave
 */
public record HaConfig(
        int haListenPort,
        String haMasterAddress,
        long haSendHeartbeatInterval,
        long haHousekeepingInterval,
        int haTransferBatchSize,
        long haMaxGapNotInSync,
        boolean slaveReadEnable,
        int accessMessageInMemoryMaxRatio) {

    public static final int DEFAULT_PORT = -1;

    public HaConfig {
        if (haListenPort < -1 || haListenPort > 65535) {
            throw new InvalidConfigException("haListenPort must be 0..65535, was " + haListenPort);
        }
        if (haMasterAddress != null && haMasterAddress.isBlank()) {
            haMasterAddress = null;
        }
        if (haMasterAddress != null && !haMasterAddress.trim().matches("[^:\\s]+:\\d{1,5}")) {
            throw new InvalidConfigException("haMasterAddress must be host:port, was '" + haMasterAddress + "'");
        }
        if (haSendHeartbeatInterval < 1 || haHousekeepingInterval < 1) {
            throw new InvalidConfigException("haSendHeartbeatInterval and haHousekeepingInterval must be positive,"
                    + " were " + haSendHeartbeatInterval + " and " + haHousekeepingInterval);
        }
        if (haHousekeepingInterval <= haSendHeartbeatInterval) {
            throw new InvalidConfigException("haHousekeepingInterval (" + haHousekeepingInterval
                    + " ms) must be longer than haSendHeartbeatInterval (" + haSendHeartbeatInterval
                    + " ms), or idle connections would be closed between heartbeats");
        }
        if (haTransferBatchSize < 1024 || haTransferBatchSize > 64 * 1024 * 1024) {
            throw new InvalidConfigException("haTransferBatchSize must be 1 KiB..64 MiB, was " + haTransferBatchSize);
        }
        if (haMaxGapNotInSync < 0) {
            throw new InvalidConfigException("haMaxGapNotInSync must be >= 0, was " + haMaxGapNotInSync);
        }
        if (accessMessageInMemoryMaxRatio < 0 || accessMessageInMemoryMaxRatio > 100) {
            throw new InvalidConfigException(
                    "accessMessageInMemoryMaxRatio must be 0..100, was " + accessMessageInMemoryMaxRatio);
        }
    }

    public static HaConfig defaults() {
        return new HaConfig(DEFAULT_PORT, null, 5_000, 20_000, 32 * 1024, 256L * 1024 * 1024, false, 40);
    }

    /** The HA port to bind for a broker listening on {@code listenPort} (0 = any free port). */
    public int effectivePort(int listenPort) {
        if (haListenPort != DEFAULT_PORT) {
            return haListenPort;
        }
        return listenPort == 0 ? 0 : listenPort + 1;
    }

    public HaConfig withMasterAddress(String address) {
        return new HaConfig(
                haListenPort,
                address,
                haSendHeartbeatInterval,
                haHousekeepingInterval,
                haTransferBatchSize,
                haMaxGapNotInSync,
                slaveReadEnable,
                accessMessageInMemoryMaxRatio);
    }
}
