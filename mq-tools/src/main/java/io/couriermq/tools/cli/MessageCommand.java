package io.couriermq.tools.cli;

import io.couriermq.admin.AdminClient;
import io.couriermq.admin.message.DirectConsumeResult;
import io.couriermq.admin.message.MessageView;
import io.couriermq.common.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mq-tools message id|key|offset|time|resend}, and the CourierMQ extensions {@code
 * dlq-list|dlq-resend|pending|cancel} ({@link MessageExtensionCommands}).
 */
@Command(
        name = "message",
        mixinStandardHelpOptions = true,
        description = "Messages: find by id, key, queue offset or time; resend to a consumer; dead letters; "
                + "pending delayed and timed messages.",
        subcommands = {
            MessageCommand.ById.class,
            MessageCommand.ByKey.class,
            MessageCommand.ByOffset.class,
            MessageCommand.ByTime.class,
            MessageCommand.Resend.class,
            MessageExtensionCommands.DeadLetterList.class,
            MessageExtensionCommands.DeadLetterResend.class,
            MessageExtensionCommands.PendingList.class,
            MessageExtensionCommands.Cancel.class
        })
final class MessageCommand {
    private MessageCommand() {}

    /** Prints the messages; exit 1 when none was found. */
    abstract static class Find extends ReadCommand {
        int show(List<MessageView> messages) {
            print(messages, () -> MessagePrinter.print(out(), messages));
            return messages.isEmpty() ? 1 : 0;
        }
    }

    @Command(
            name = "id",
            mixinStandardHelpOptions = true,
            description = "By offset message id, or unique key in a topic.")
    static final class ById extends Find {
        @Option(
                names = {"-i", "--id"},
                required = true,
                description = "offset message id or unique key (msgId)")
        String id;

        @Option(
                names = {"-t", "--topic"},
                description = "the topic (needed for a unique key)")
        String topic;

        @Override
        int run(AdminClient admin) {
            return show(admin.messages().byId(topic, id));
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true, description = "By key, over a time range.")
    static final class ByKey extends Find {
        @Option(
                names = {"-t", "--topic"},
                required = true,
                description = "the topic")
        String topic;

        @Option(
                names = {"-k", "--key"},
                required = true,
                description = "the message key")
        String key;

        @Option(
                names = "--begin",
                defaultValue = "0",
                converter = TimeConverter.class,
                paramLabel = "TIME",
                description = "stored at or after (default: the beginning)")
        long beginMs;

        @Option(
                names = "--end",
                converter = TimeConverter.class,
                paramLabel = "TIME",
                description = "stored at or before (default: now)")
        Long endMs;

        @Option(names = "--max", defaultValue = "32", description = "at most, default ${DEFAULT-VALUE}")
        int max;

        @Override
        int run(AdminClient admin) {
            long end = endMs != null ? endMs : Clock.system().millis();
            return show(admin.messages().byKey(topic, key, beginMs, end, max));
        }
    }

    @Command(name = "offset", mixinStandardHelpOptions = true, description = "The message at an offset of one queue.")
    static final class ByOffset extends Find {
        @Option(
                names = {"-t", "--topic"},
                required = true,
                description = "the topic")
        String topic;

        @Option(
                names = {"-b", "--broker-name"},
                required = true,
                description = "the broker set (brokerName)")
        String brokerName;

        @Option(
                names = {"-q", "--queue"},
                required = true,
                description = "the queue id")
        int queueId;

        @Option(
                names = {"-o", "--offset"},
                required = true,
                description = "the queue offset")
        long offset;

        @Override
        int run(AdminClient admin) {
            return show(admin.messages()
                    .byOffset(topic, brokerName, queueId, offset)
                    .map(List::of)
                    .orElse(List.of()));
        }
    }

    @Command(
            name = "time",
            mixinStandardHelpOptions = true,
            description = "Messages of a topic stored in a time range.")
    static final class ByTime extends Find {
        @Option(
                names = {"-t", "--topic"},
                required = true,
                description = "the topic")
        String topic;

        @Option(
                names = "--begin",
                required = true,
                converter = TimeConverter.class,
                paramLabel = "TIME",
                description = "stored at or after")
        long beginMs;

        @Option(
                names = "--end",
                converter = TimeConverter.class,
                paramLabel = "TIME",
                description = "stored at or before (default: now)")
        Long endMs;

        @Option(names = "--max", defaultValue = "32", description = "at most, default ${DEFAULT-VALUE}")
        int max;

        @Override
        int run(AdminClient admin) {
            long end = endMs != null ? endMs : Clock.system().millis();
            return show(admin.messages().byTime(topic, beginMs, end, max));
        }
    }

    @Command(
            name = "resend",
            mixinStandardHelpOptions = true,
            description = "Hand one message to a consumer client of a group (CONSUME_MESSAGE_DIRECTLY).")
    static final class Resend extends ReadCommand {
        @Option(
                names = {"-g", "--group"},
                required = true,
                description = "the consumer group")
        String group;

        @Option(
                names = {"-t", "--topic"},
                required = true,
                description = "the message's topic")
        String topic;

        @Option(
                names = {"-i", "--id"},
                required = true,
                description = "offset message id or unique key")
        String id;

        @Option(names = "--client-id", description = "the client (default: the first one online)")
        String clientId;

        @Override
        int run(AdminClient admin) {
            DirectConsumeResult result = admin.messages().resendToConsumer(group, clientId, topic, id);
            print(result, () -> out().println(result.consumeResult() + " by " + result.clientId() + " in "
                    + result.spentTimeMs() + " ms" + (result.remark() == null ? "" : ": " + result.remark())));
            return result.succeeded() ? 0 : 1;
        }
    }
}
