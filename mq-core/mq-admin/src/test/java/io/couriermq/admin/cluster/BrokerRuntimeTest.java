package io.couriermq.admin.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerRuntimeTest {

    @Test
    void readsTheFiguresClusterListPrintsFromTheRawTable() {
        BrokerRuntime runtime = BrokerRuntime.of(Map.ofEntries(
                Map.entry("brokerVersionDesc", "V5_2_0"),
                Map.entry("brokerActive", "true"),
                Map.entry("putTps", "12.50 10.00 8.00"),
                Map.entry("getTransferredTps", "3.25 2.00 1.00"),
                Map.entry("msgPutTotalYesterdayMorning", "100"),
                Map.entry("msgPutTotalTodayMorning", "160"),
                Map.entry("msgPutTotalTodayNow", "200"),
                Map.entry("msgGetTotalYesterdayMorning", "10"),
                Map.entry("msgGetTotalTodayMorning", "30"),
                Map.entry("msgGetTotalTodayNow", "35"),
                Map.entry("commitLogDiskRatio", "0.4200"),
                Map.entry("commitLogMinOffset", "0"),
                Map.entry("commitLogMaxOffset", "4096")));

        assertThat(runtime.version()).isEqualTo("V5_2_0");
        assertThat(runtime.active()).isTrue();
        assertThat(runtime.putTps()).isEqualTo(12.5);
        assertThat(runtime.getTps()).isEqualTo(3.25);
        assertThat(runtime.putTotalToday()).isEqualTo(40);
        assertThat(runtime.putTotalYesterday()).isEqualTo(60);
        assertThat(runtime.getTotalToday()).isEqualTo(5);
        assertThat(runtime.getTotalYesterday()).isEqualTo(20);
        assertThat(runtime.commitLogDiskRatio()).isEqualTo(0.42);
        assertThat(runtime.commitLogMaxOffset()).isEqualTo(4096);
        assertThat(runtime.table()).containsEntry("putTps", "12.50 10.00 8.00");
    }

    @Test
    void missingOrUnreadableFiguresAreZero() {
        BrokerRuntime runtime = BrokerRuntime.of(Map.of("putTps", "n/a", "getTransferedTps", "7.0 1 1"));

        assertThat(runtime.putTps()).isZero();
        assertThat(runtime.getTps()).isEqualTo(7.0);
        assertThat(runtime.putTotalToday()).isZero();
        assertThat(runtime.version()).isEmpty();
        assertThat(runtime.active()).isFalse();
    }
}
