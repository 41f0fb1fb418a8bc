package io.couriermq.console.admin;

import io.couriermq.admin.cluster.BrokerRuntime;
import io.couriermq.admin.cluster.BrokerSetView;
import io.couriermq.admin.cluster.BrokerView;
import io.couriermq.admin.cluster.ClusterView;
import io.couriermq.console.data.BrokerRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The cluster page's rows from the admin library's cluster view. */
final class ClusterData {
    private final ConsoleAdminClient admin;

    ClusterData(ConsoleAdminClient admin) {
        this.admin = admin;
    }

    List<BrokerRow> brokers() {
        List<BrokerRow> rows = new ArrayList<>();
        for (ClusterView cluster : admin.get().cluster().clusters()) {
            for (BrokerSetView set : cluster.brokerSets()) {
                set.members().stream()
                        .sorted(Comparator.comparingLong(BrokerView::brokerId))
                        .forEach(member -> rows.add(row(member)));
            }
        }
        return rows;
    }

    /** Names the brokers register as topics of their own (cluster and broker names). */
    Set<String> brokerTopics() {
        Set<String> names = new HashSet<>();
        for (ClusterView cluster : admin.get().cluster().clusters()) {
            names.add(cluster.name());
            cluster.brokerSets().forEach(set -> names.add(set.brokerName()));
        }
        return names;
    }

    List<String> clusterNames() {
        return admin.get().cluster().clusters().stream().map(ClusterView::name).toList();
    }

    private static BrokerRow row(BrokerView member) {
        BrokerRuntime runtime = member.runtime();
        if (runtime == null) {
            return new BrokerRow(
                    member.clusterName(),
                    member.brokerName(),
                    member.brokerId(),
                    member.role(),
                    member.address(),
                    "",
                    0,
                    0,
                    0,
                    0,
                    0,
                    member.unreachable());
        }
        return new BrokerRow(
                member.clusterName(),
                member.brokerName(),
                member.brokerId(),
                member.role(),
                member.address(),
                runtime.version(),
                runtime.putTps(),
                runtime.getTps(),
                runtime.putTotalToday(),
                runtime.getTotalToday(),
                runtime.commitLogDiskRatio(),
                null);
    }
}
