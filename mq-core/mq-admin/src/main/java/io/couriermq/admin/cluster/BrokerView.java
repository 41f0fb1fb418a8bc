package io.couriermq.admin.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One member of a broker set: its id (0 = master), address and role, and its runtime figures, or why
 * they could not be read ({@code runtime} is then null and {@code unreachable} says what failed).
 */
public record BrokerView(
        String clusterName,
        String brokerName,
        long brokerId,
        String address,
        String role,
        BrokerRuntime runtime,
        String unreachable) {

    public static final String MASTER = "MASTER";
    public static final String SLAVE = "SLAVE";

    public boolean isMaster() {
        return brokerId == 0;
    }

    /** The version the broker reports, or "" when unreachable. */
    @JsonProperty("version")
    public String version() {
        return runtime == null ? "" : runtime.version();
    }
}
