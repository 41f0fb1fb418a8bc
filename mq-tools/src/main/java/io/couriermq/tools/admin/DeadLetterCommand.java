package io.couriermq.tools.admin;

import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.tools.Console;
import io.couriermq.tools.CredentialOptions;
import io.couriermq.tools.TlsOptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The CourierMQ admin extension for dead letters, sent to one broker (pending deliveries are {@code
 * pending} / {@code cancel}; {@code mq-tools message dlq-list|dlq-resend} go through the NameServers):
 *
 * <pre>
 * dlq resend     --broker host:port --id offsetMsgId
 * dlq resend     --broker host:port --group G [--queue Q] --begin B --end E
 * </pre>
 *
 * The broker's JSON answer is the result line; a refusal is printed with the broker's remark.
 */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description = "Dead letters on one broker (CourierMQ extension).",
        subcommands = DeadLetterCommand.Resend.class)
public final class DeadLetterCommand {
    private static final long TIMEOUT_MS = 10_000;

    @Command(
            name = "resend",
            mixinStandardHelpOptions = true,
            description = "Re-send one dead letter (--id) or a range of one DLQ queue to the original topic.")
    public static final class Resend implements Callable<Integer> {
        private final Console console;

        @Spec
        CommandSpec spec;

        @Option(names = "--broker", required = true, paramLabel = "host:port", description = "the broker storing them")
        String broker;

        @Option(names = "--id", paramLabel = "offsetMsgId", description = "one dead letter by its offset message id")
        String id;

        @Option(names = "--group", paramLabel = "G", description = "the consumer group whose %DLQ% queue to read")
        String group;

        @Option(names = "--queue", defaultValue = "0", paramLabel = "Q", description = "the DLQ queue, default 0")
        int queue;

        @Option(names = "--begin", paramLabel = "B", description = "first offset of the range")
        Long begin;

        @Option(names = "--end", paramLabel = "E", description = "end offset of the range (exclusive)")
        Long end;

        public Resend(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            RemotingCommand request = id != null
                    ? RemotingCommand.request(RequestCode.RESEND_DEAD_LETTER)
                            .extField("msgId", id)
                            .build()
                    : RemotingCommand.request(RequestCode.RESEND_DEAD_LETTERS_IN_RANGE)
                            .extField("group", required(group, "--group"))
                            .extField("queueId", Integer.toString(queue))
                            .extField("beginOffset", required(begin, "--begin"))
                            .extField("endOffset", required(end, "--end"))
                            .build();
            try (NettyRemotingClient client = new NettyRemotingClient(
                    RemotingClientConfig.defaults()
                            .withCredentials(CredentialOptions.of(spec))
                            .withTls(TlsOptions.of(spec)),
                    new ChannelEventListener() {})) {
                RemotingCommand response = client.invokeSync(broker, request, TIMEOUT_MS);
                if (response.code() != ResponseCode.SUCCESS.code()) {
                    console.info("refused (" + response.code() + "): " + response.remark());
                    return 1;
                }
                console.result(response.hasBody() ? new String(response.body(), StandardCharsets.UTF_8) : "OK");
                return 0;
            } catch (RuntimeException e) {
                console.info("request to " + broker + " failed: " + e.getMessage());
                return 1;
            }
        }

        private String required(Object value, String option) {
            if (value == null || value.toString().isBlank()) {
                throw new ParameterException(
                        spec.commandLine(), "missing " + option + " (or --id for one dead letter)");
            }
            return value.toString();
        }
    }
}
