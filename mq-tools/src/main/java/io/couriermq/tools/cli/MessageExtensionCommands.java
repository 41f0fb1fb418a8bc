package io.couriermq.tools.cli;

import io.couriermq.admin.AdminClient;
import io.couriermq.admin.message.MessageView;
import io.couriermq.admin.message.PendingAdmin;
import io.couriermq.admin.message.PendingDelivery;
import io.couriermq.admin.message.ResendOutcome;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The CourierMQ extensions under {@code mq-tools message}: dead letters (list by pulling {@code
 * %DLQ%<group>}, resend with 9150/9151) and pending delayed/timed messages (9160/9161). A broker that does
 * not know them (Apache RocketMQ) is reported as not supporting them.
 */
final class MessageExtensionCommands {
    private MessageExtensionCommands() {}

    @Command(name = "dlq-list", mixinStandardHelpOptions = true, description = "A group's dead letters.")
    static final class DeadLetterList extends ReadCommand {
        @Option(
                names = {"-g", "--group"},
                required = true,
                description = "the consumer group")
        String group;

        @Option(names = "--max", defaultValue = "32", description = "at most, default ${DEFAULT-VALUE}")
        int max;

        @Override
        int run(AdminClient admin) {
            List<MessageView> dead = admin.deadLetters().list(group, max);
            return print(dead, () -> MessagePrinter.print(out(), dead));
        }
    }

    @Command(
            name = "dlq-resend",
            mixinStandardHelpOptions = true,
            description = "Re-send dead letters to their original topic: one by --id, or a range of one DLQ queue.")
    static final class DeadLetterResend extends ReadCommand {
        @Option(
                names = {"-i", "--id"},
                description = "one dead letter by offset message id")
        String id;

        @Option(
                names = {"-g", "--group"},
                description = "the group whose DLQ queue to re-send (with --broker, --begin, --end)")
        String group;

        @Option(
                names = {"-b", "--broker"},
                paramLabel = "host:port",
                description = "the broker storing the DLQ queue")
        String broker;

        @Option(
                names = {"-q", "--queue"},
                defaultValue = "0",
                description = "the DLQ queue, default 0")
        int queue;

        @Option(names = "--begin", description = "first offset")
        Long begin;

        @Option(names = "--end", description = "end offset (exclusive)")
        Long end;

        @Override
        int run(AdminClient admin) {
            ResendOutcome outcome;
            if (id != null) {
                outcome = broker != null
                        ? admin.deadLetters().resend(broker, id)
                        : admin.deadLetters().resend(id);
            } else {
                if (group == null || broker == null || begin == null || end == null) {
                    throw usage("give --id, or --group, --broker, --begin and --end");
                }
                outcome = admin.deadLetters().resendRange(broker, group, queue, begin, end);
            }
            print(outcome, () -> {
                out().println("resent " + outcome.resent());
                outcome.skipped().forEach(skipped -> out().println("skipped " + skipped));
            });
            return outcome.resent() > 0 || outcome.skipped().isEmpty() ? 0 : 1;
        }
    }

    @Command(
            name = "pending",
            mixinStandardHelpOptions = true,
            description = "Delayed and timed messages waiting for a topic, on every master.")
    static final class PendingList extends ReadCommand {
        @Option(
                names = {"-t", "--topic"},
                required = true,
                description = "the topic they are for")
        String topic;

        @Option(
                names = "--limit",
                defaultValue = "" + PendingAdmin.DEFAULT_LIMIT,
                description = "at most, default ${DEFAULT-VALUE}")
        int limit;

        @Override
        int run(AdminClient admin) {
            List<PendingDelivery> pending = admin.pending().list(topic, limit);
            return print(pending, () -> {
                Output.Table table = new Output.Table("DUE", "BROKER", "QUEUE", "MSG ID", "OFFSET MSG ID", "SCHEDULE");
                pending.forEach(p -> table.row(
                        Output.time(p.dueAtMs()),
                        p.brokerName(),
                        p.queueId(),
                        p.uniqueKey(),
                        p.offsetMessageId(),
                        p.schedule()));
                table.print(out());
            });
        }
    }

    @Command(
            name = "cancel",
            mixinStandardHelpOptions = true,
            description = "Cancel one delayed or timed message, by unique key or offset id.")
    static final class Cancel extends AdminCommand {
        @Option(
                names = {"-i", "--id"},
                required = true,
                description = "unique key or offset message id")
        String id;

        @Option(
                names = {"-b", "--broker"},
                paramLabel = "host:port",
                description = "the broker holding it (default: every master)")
        String broker;

        @Override
        int run(AdminClient admin) {
            boolean cancelled = broker != null
                    ? admin.pending().cancel(broker, id)
                    : admin.pending().cancel(id);
            if (!cancelled) {
                spec.commandLine().getErr().println("error: no message waiting for delivery has id " + id);
                return 1;
            }
            out().println("cancelled " + id);
            return 0;
        }
    }
}
