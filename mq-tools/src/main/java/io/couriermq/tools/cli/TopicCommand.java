package io.couriermq.tools.cli;

import io.couriermq.admin.AdminClient;
import io.couriermq.admin.topic.BrokerAddresses;
import io.couriermq.admin.topic.QueueStatus;
import io.couriermq.admin.topic.TopicQueues;
import io.couriermq.admin.topic.TopicRouteView;
import io.couriermq.admin.topic.TopicSpec;
import io.couriermq.admin.topic.TopicStatus;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mq-tools topic list|route|status|create|update|delete}. */
@Command(
        name = "topic",
        mixinStandardHelpOptions = true,
        description = "Topics: list, route, queue status, create/update on a cluster or a broker, delete.",
        subcommands = {
            TopicCommand.ListTopics.class,
            TopicCommand.Route.class,
            TopicCommand.Status.class,
            TopicCommand.Create.class,
            TopicCommand.Update.class,
            TopicCommand.Delete.class
        })
final class TopicCommand {
    private TopicCommand() {}

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every topic the NameServers know.")
    static final class ListTopics extends ReadCommand {
        @Override
        int run(AdminClient admin) {
            List<String> topics = admin.topics().list();
            return print(topics, () -> topics.forEach(out()::println));
        }
    }

    @Command(name = "route", mixinStandardHelpOptions = true, description = "A topic's queues and brokers.")
    static final class Route extends ReadCommand {
        @Option(
                names = {"-t", "--topic"},
                required = true,
                description = "the topic")
        String topic;

        @Override
        int run(AdminClient admin) {
            TopicRouteView route = admin.topics()
                    .route(topic)
                    .orElseThrow(() -> new IllegalStateException("no route for topic " + topic));
            return print(route, () -> {
                Output.Table queues = new Output.Table("BROKER", "READ", "WRITE", "PERM");
                for (TopicQueues q : route.queues()) {
                    queues.row(q.brokerName(), q.readQueues(), q.writeQueues(), q.perm());
                }
                queues.print(out());
                out().println();
                Output.Table brokers = new Output.Table("CLUSTER", "BROKER", "ADDRESSES");
                for (BrokerAddresses b : route.brokers()) {
                    brokers.row(b.clusterName(), b.brokerName(), b.addresses());
                }
                brokers.print(out());
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Min/max offset of every queue.")
    static final class Status extends ReadCommand {
        @Option(
                names = {"-t", "--topic"},
                required = true,
                description = "the topic")
        String topic;

        @Override
        int run(AdminClient admin) {
            TopicStatus status = admin.topics().status(topic);
            return print(status, () -> {
                Output.Table table = new Output.Table("BROKER", "QUEUE", "MIN", "MAX", "LAST UPDATED");
                for (QueueStatus q : status.queues()) {
                    table.row(
                            q.brokerName(),
                            q.queueId(),
                            q.minOffset(),
                            q.maxOffset(),
                            Output.time(q.lastUpdateTimestampMs()));
                }
                table.print(out());
            });
        }
    }

    /** Where a create or update goes: every master of a cluster, or one broker. */
    static final class Target {
        @Option(
                names = {"-c", "--cluster"},
                required = true,
                description = "every master of this cluster")
        String cluster;

        @Option(
                names = {"-b", "--broker"},
                required = true,
                paramLabel = "host:port",
                description = "one broker")
        String broker;
    }

    abstract static class Write extends AdminCommand {
        @Option(
                names = {"-t", "--topic"},
                required = true,
                description = "the topic")
        String topic;

        @ArgGroup(multiplicity = "1")
        Target target;

        @Option(
                names = {"-r", "--read-queues"},
                defaultValue = "8",
                description = "read queues per broker, default ${DEFAULT-VALUE}")
        int readQueues;

        @Option(
                names = {"-w", "--write-queues"},
                defaultValue = "8",
                description = "write queues per broker, default ${DEFAULT-VALUE}")
        int writeQueues;

        @Option(
                names = {"-p", "--perm"},
                defaultValue = "6",
                description = "2 write, 4 read, 6 both; default ${DEFAULT-VALUE}")
        int perm;

        @Option(
                names = {"-o", "--order"},
                description = "an ordered topic")
        boolean order;

        @Override
        int run(AdminClient admin) {
            TopicSpec spec;
            try {
                spec = new TopicSpec(topic, readQueues, writeQueues, perm, order);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            if (target.cluster != null) {
                List<String> brokers = admin.topics().createOnCluster(spec, target.cluster);
                out().println(verb() + " " + topic + " on " + String.join(", ", brokers));
            } else {
                admin.topics().createOnBroker(spec, target.broker);
                out().println(verb() + " " + topic + " on " + target.broker);
            }
            return 0;
        }

        abstract String verb();
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a topic (UPDATE_AND_CREATE_TOPIC).")
    static final class Create extends Write {
        @Override
        String verb() {
            return "created";
        }
    }

    @Command(
            name = "update",
            mixinStandardHelpOptions = true,
            description = "Change a topic's queue counts, permission or order (UPDATE_AND_CREATE_TOPIC).")
    static final class Update extends Write {
        @Override
        String verb() {
            return "updated";
        }
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Delete a topic on the masters (of a cluster, or of its route) and the NameServers.")
    static final class Delete extends AdminCommand {
        @Option(
                names = {"-t", "--topic"},
                required = true,
                description = "the topic")
        String topic;

        @Option(
                names = {"-c", "--cluster"},
                description = "only this cluster's masters")
        String cluster;

        @Override
        int run(AdminClient admin) {
            List<String> brokers = admin.topics().delete(topic, cluster);
            out().println("deleted " + topic + " on " + (brokers.isEmpty() ? "no broker" : String.join(", ", brokers))
                    + " and the NameServers");
            return 0;
        }
    }
}
