package io.couriermq.tools.cli;

import io.couriermq.admin.AdminException;
import io.couriermq.tools.Console;
import io.couriermq.tools.CredentialOptions;
import io.couriermq.tools.Main;
import io.couriermq.tools.TlsOptions;
import io.couriermq.tools.admin.DeadLetterCommand;
import io.couriermq.tools.bench.BenchCommand;
import io.couriermq.tools.bench.UsageException;
import io.couriermq.tools.bench.transport.TransportFactory;
import io.couriermq.tools.pending.PendingCommand;
import io.couriermq.tools.soak.SoakCommand;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root of {@code mq-tools}: the admin command set (topic, group, broker, message; each with
 * {@code -n/--namesrv}, {@code --json} on reads), the load generator and the single-broker extension
 * tools. Exit codes: 0 ok, 1 failed (the error names the server, request and code), 2 bad usage (the
 * error names the option). {@code --access-key}/{@code --secret-key} (or {@code COURIER_ACCESS_KEY} /
 * {@code COURIER_SECRET_KEY}) sign every request of every command, for brokers with ACL on;
 * {@code --tls}, {@code --tls-ca}, {@code --tls-cert}/{@code --tls-key} and {@code --no-tls-hostname-check}
 * put every connection of every command on TLS.
 */
@Command(
        name = "mq-tools",
        mixinStandardHelpOptions = true,
        version = "mq-tools (CourierMQ)",
        description = "CourierMQ command-line tools; they speak RocketMQ's remoting protocol, so they also work "
                + "against Apache RocketMQ 5.2.0 (except the CourierMQ extensions: dlq, pending, cancel).",
        subcommands = {
            TopicCommand.class,
            GroupCommand.class,
            BrokerCommand.class,
            MessageCommand.class,
            BenchCommand.class,
            SoakCommand.class,
            PendingCommand.Pending.class,
            PendingCommand.Cancel.class,
            DeadLetterCommand.class,
            AutoComplete.GenerateCompletion.class
        },
        footer = {"", "Exit codes: 0 ok, 1 failed, 2 bad usage."})
public final class MqToolsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Global: accepted before or after any subcommand, read by those that send requests. */
    @Mixin(name = CredentialOptions.MIXIN_NAME)
    CredentialOptions credentials;

    /** Global, as the credentials. */
    @Mixin(name = TlsOptions.MIXIN_NAME)
    TlsOptions tls;

    /** No subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }

    /** The whole command tree, writing to {@code console}, with the exit-code policy applied. */
    public static CommandLine commandLine(Console console, TransportFactory transports) {
        return commandLine(console, transports, System::getenv);
    }

    /** As {@link #commandLine(Console, TransportFactory)}, reading environment variables through {@code environment}. */
    public static CommandLine commandLine(
            Console console, TransportFactory transports, UnaryOperator<String> environment) {
        CommandLine commandLine =
                new CommandLine(MqToolsCommand.class, new ToolsFactory(console, transports, environment));
        commandLine
                .getSubcommands()
                .get("generate-completion")
                .getCommandSpec()
                .usageMessage()
                .hidden(false);
        commandLine.setOut(console.outWriter());
        commandLine.setErr(console.errWriter());
        commandLine.setExitCodeExceptionMapper(MqToolsCommand::exitCode);
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> {
            if (failure instanceof UsageException) {
                console.info("error: " + failure.getMessage());
                return Main.USAGE;
            }
            console.info("error: " + describe(failure));
            return 1;
        });
        return commandLine;
    }

    private static int exitCode(Throwable failure) {
        return failure instanceof CommandLine.ParameterException || failure instanceof UsageException ? Main.USAGE : 1;
    }

    private static String describe(Throwable failure) {
        if (failure instanceof AdminException || failure.getMessage() != null) {
            return failure.getMessage();
        }
        return failure.toString();
    }
}
