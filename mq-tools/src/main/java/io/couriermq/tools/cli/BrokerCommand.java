package io.couriermq.tools.cli;

import io.couriermq.admin.AdminClient;
import io.couriermq.admin.cluster.BrokerRuntime;
import io.couriermq.admin.cluster.BrokerSetView;
import io.couriermq.admin.cluster.BrokerView;
import io.couriermq.admin.cluster.ClusterView;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mq-tools broker clusters|status|config get|config set}. */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = "Clusters and brokers: members, runtime figures, configuration.",
        subcommands = {BrokerCommand.Clusters.class, BrokerCommand.Status.class, BrokerCommand.Config.class})
final class BrokerCommand {
    private BrokerCommand() {}

    @Command(
            name = "clusters",
            mixinStandardHelpOptions = true,
            description = "Every cluster, broker set and member with role, version, TPS, today's totals, disk.")
    static final class Clusters extends ReadCommand {
        @Override
        int run(AdminClient admin) {
            List<ClusterView> clusters = admin.cluster().clusters();
            return print(clusters, () -> {
                Output.Table table = new Output.Table(
                        "CLUSTER",
                        "BROKER",
                        "ID",
                        "ADDRESS",
                        "ROLE",
                        "VERSION",
                        "PUT TPS",
                        "GET TPS",
                        "PUT TODAY",
                        "GET TODAY",
                        "DISK");
                for (ClusterView cluster : clusters) {
                    for (BrokerSetView set : cluster.brokerSets()) {
                        for (BrokerView b : set.members()) {
                            BrokerRuntime r = b.runtime();
                            if (r == null) {
                                table.row(
                                        cluster.name(),
                                        b.brokerName(),
                                        b.brokerId(),
                                        b.address(),
                                        b.role(),
                                        "unreachable",
                                        "-",
                                        "-",
                                        "-",
                                        "-",
                                        "-");
                            } else {
                                table.row(
                                        cluster.name(),
                                        b.brokerName(),
                                        b.brokerId(),
                                        b.address(),
                                        b.role(),
                                        r.version(),
                                        Output.decimal(r.putTps()),
                                        Output.decimal(r.getTps()),
                                        r.putTotalToday(),
                                        r.getTotalToday(),
                                        Output.decimal(r.commitLogDiskRatio()));
                            }
                        }
                    }
                }
                table.print(out());
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "One broker's runtime table.")
    static final class Status extends ReadCommand {
        @Option(
                names = {"-b", "--broker"},
                required = true,
                paramLabel = "host:port",
                description = "the broker")
        String broker;

        @Override
        int run(AdminClient admin) {
            BrokerRuntime runtime = admin.cluster().runtime(broker);
            return print(runtime, () -> runtime.table().forEach((key, value) -> out().println(key + " = " + value)));
        }
    }

    @Command(
            name = "config",
            mixinStandardHelpOptions = true,
            description = "A broker's configuration.",
            subcommands = {BrokerCommand.ConfigGet.class, BrokerCommand.ConfigSet.class})
    static final class Config {}

    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            description = "The effective configuration (GET_BROKER_CONFIG).")
    static final class ConfigGet extends ReadCommand {
        @Option(
                names = {"-b", "--broker"},
                required = true,
                paramLabel = "host:port",
                description = "the broker")
        String broker;

        @Override
        int run(AdminClient admin) {
            Map<String, String> config = admin.cluster().brokerConfig(broker);
            return print(config, () -> config.forEach((key, value) -> out().println(key + "=" + value)));
        }
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Change keys at run time (UPDATE_BROKER_CONFIG); the broker refuses keys it cannot change.")
    static final class ConfigSet extends AdminCommand {
        @Option(
                names = {"-b", "--broker"},
                required = true,
                paramLabel = "host:port",
                description = "the broker")
        String broker;

        @Parameters(arity = "1..*", paramLabel = "key=value", description = "the settings to change")
        Map<String, String> settings;

        @Override
        int run(AdminClient admin) {
            admin.cluster().updateBrokerConfig(broker, settings);
            new TreeMap<>(settings)
                    .forEach((key, value) -> out().println("set " + key + "=" + value + " on " + broker));
            return 0;
        }
    }
}
