package io.couriermq.tools.cli;

import io.couriermq.admin.AdminClient;
import io.couriermq.admin.group.ClientConnection;
import io.couriermq.admin.group.GroupConnections;
import io.couriermq.admin.group.GroupProgress;
import io.couriermq.admin.group.QueueOffset;
import io.couriermq.admin.group.QueueProgress;
import io.couriermq.admin.group.SubscriptionView;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mq-tools group list|progress|connections|reset|delete}. */
@Command(
        name = "group",
        mixinStandardHelpOptions = true,
        description = "Consumer groups: list, progress with lag, connections, reset by time, delete.",
        subcommands = {
            GroupCommand.ListGroups.class,
            GroupCommand.Progress.class,
            GroupCommand.Connections.class,
            GroupCommand.Reset.class,
            GroupCommand.Delete.class
        })
final class GroupCommand {
    private GroupCommand() {}

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every group the masters know.")
    static final class ListGroups extends ReadCommand {
        @Override
        int run(AdminClient admin) {
            List<String> groups = admin.groups().list();
            return print(groups, () -> groups.forEach(out()::println));
        }
    }

    @Command(
            name = "progress",
            mixinStandardHelpOptions = true,
            description = "Broker and committed offsets, lag per queue, consume TPS.")
    static final class Progress extends ReadCommand {
        @Option(
                names = {"-g", "--group"},
                required = true,
                description = "the consumer group")
        String group;

        @Override
        int run(AdminClient admin) {
            GroupProgress progress = admin.groups().progress(group);
            return print(progress, () -> {
                Output.Table table =
                        new Output.Table("TOPIC", "BROKER", "QUEUE", "BROKER OFFSET", "CONSUMER OFFSET", "LAG", "LAST");
                for (QueueProgress q : progress.queues()) {
                    table.row(
                            q.topic(),
                            q.brokerName(),
                            q.queueId(),
                            q.brokerOffset(),
                            q.consumerOffset(),
                            q.lag(),
                            Output.time(q.lastTimestampMs()));
                }
                table.print(out());
                out().println();
                out().println("consume TPS: " + Output.decimal(progress.consumeTps()) + "  total lag: "
                        + progress.totalLag());
            });
        }
    }

    @Command(name = "connections", mixinStandardHelpOptions = true, description = "The group's online consumers.")
    static final class Connections extends ReadCommand {
        @Option(
                names = {"-g", "--group"},
                required = true,
                description = "the consumer group")
        String group;

        @Override
        int run(AdminClient admin) {
            GroupConnections connections = admin.groups().connections(group);
            return print(connections, () -> {
                if (!connections.online()) {
                    out().println("no consumer of " + group + " is online");
                    return;
                }
                Output.Table clients = new Output.Table("CLIENT ID", "ADDRESS", "LANGUAGE", "VERSION");
                for (ClientConnection c : connections.clients()) {
                    clients.row(c.clientId(), c.clientAddress(), c.language(), c.version());
                }
                clients.print(out());
                out().println();
                Output.Table subscriptions = new Output.Table("TOPIC", "EXPRESSION", "TYPE");
                for (SubscriptionView s : connections.subscriptions()) {
                    subscriptions.row(s.topic(), s.expression(), s.expressionType());
                }
                subscriptions.print(out());
                out().println();
                out().println(connections.consumeType() + " " + connections.messageModel() + " "
                        + connections.consumeFromWhere());
            });
        }
    }

    @Command(
            name = "reset",
            mixinStandardHelpOptions = true,
            description = "Move the group's offsets in a topic to the first message stored at or after a time.")
    static final class Reset extends ReadCommand {
        @Option(
                names = {"-g", "--group"},
                required = true,
                description = "the consumer group")
        String group;

        @Option(
                names = {"-t", "--topic"},
                required = true,
                description = "the topic")
        String topic;

        @Option(
                names = {"-s", "--timestamp"},
                required = true,
                converter = TimeConverter.class,
                paramLabel = "TIME",
                description = "now, epoch millis, 2026-12-07T10:00:00[Z] or 2026-12-07#10:00:00:000")
        long timestampMs;

        @Option(
                names = "--no-force",
                description = "only move offsets back (queues already before the time keep theirs)")
        boolean noForce;

        @Override
        int run(AdminClient admin) {
            List<QueueOffset> offsets = admin.groups().resetByTime(group, topic, timestampMs, !noForce);
            return print(offsets, () -> {
                Output.Table table = new Output.Table("BROKER", "QUEUE", "NEW OFFSET");
                offsets.forEach(q -> table.row(q.brokerName(), q.queueId(), q.offset()));
                table.print(out());
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a group on the masters.")
    static final class Delete extends AdminCommand {
        @Option(
                names = {"-g", "--group"},
                required = true,
                description = "the consumer group")
        String group;

        @Option(
                names = {"-c", "--cluster"},
                description = "only this cluster's masters")
        String cluster;

        @Option(names = "--keep-offsets", description = "keep the group's committed offsets")
        boolean keepOffsets;

        @Override
        int run(AdminClient admin) {
            List<String> brokers = admin.groups().delete(group, cluster, !keepOffsets);
            out().println("deleted " + group + " on " + String.join(", ", brokers));
            return 0;
        }
    }
}
