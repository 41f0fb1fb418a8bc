package io.couriermq.console.data;

/**
 * One broker as the cluster page shows it. {@code problem} is null when its runtime figures were read,
 * else why they could not be (the figures are then 0).
 */
public record BrokerRow(
        String cluster,
        String brokerName,
        long brokerId,
        String role,
        String address,
        String version,
        double putTps,
        double getTps,
        long putToday,
        long getToday,
        double diskRatio,
        String problem) {

    /** Disk use as a percentage, for display. */
    public double diskPercent() {
        return diskRatio * 100;
    }
}
