package io.couriermq.tools.pending;

import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.CancelPendingDeliveryRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ListPendingDeliveriesRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.tools.Console;
import io.couriermq.tools.CredentialOptions;
import io.couriermq.tools.TlsOptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pending <topic> --broker host:port [--limit N]} lists the messages a broker holds back for a
 * later delivery to a topic (the broker's JSON array on the result line); {@code cancel <msgId> --broker
 * host:port} cancels one by its client id or offset id. Both speak the CourierMQ extension codes to one
 * broker; {@code mq-tools message pending|cancel} does the same over every master.
 */
public final class PendingCommand {
    private static final long TIMEOUT_MS = 5_000;

    private PendingCommand() {}

    @Command(
            name = "pending",
            mixinStandardHelpOptions = true,
            description = "List the messages one broker holds back for a later delivery to a topic (JSON).")
    public static final class Pending implements Callable<Integer> {
        private final Console console;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<topic>", description = "the topic the messages are for")
        String topic;

        @Option(names = "--broker", required = true, paramLabel = "host:port", description = "the broker to ask")
        String broker;

        @Option(
                names = "--limit",
                defaultValue = "" + ListPendingDeliveriesRequestHeader.DEFAULT_LIMIT,
                paramLabel = "N",
                description = "at most N, default ${DEFAULT-VALUE}")
        int limit;

        public Pending(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            RemotingCommand request = RemotingCommand.request(RequestCode.LIST_PENDING_DELIVERIES)
                    .header(new ListPendingDeliveriesRequestHeader(topic, limit))
                    .build();
            return send(
                    console,
                    RemotingClientConfig.defaults()
                            .withCredentials(CredentialOptions.of(spec))
                            .withTls(TlsOptions.of(spec)),
                    broker,
                    "pending",
                    request,
                    response -> new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    @Command(
            name = "cancel",
            mixinStandardHelpOptions = true,
            description = "Cancel one delayed or timed message on one broker, by UNIQ_KEY or offset id.")
    public static final class Cancel implements Callable<Integer> {
        private final Console console;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<msgId>", description = "the message's UNIQ_KEY or offset id")
        String messageId;

        @Option(names = "--broker", required = true, paramLabel = "host:port", description = "the broker holding it")
        String broker;

        public Cancel(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            RemotingCommand request = RemotingCommand.request(RequestCode.CANCEL_PENDING_DELIVERY)
                    .header(new CancelPendingDeliveryRequestHeader(messageId))
                    .build();
            return send(
                    console,
                    RemotingClientConfig.defaults()
                            .withCredentials(CredentialOptions.of(spec))
                            .withTls(TlsOptions.of(spec)),
                    broker,
                    "cancel",
                    request,
                    response -> "CANCELLED " + messageId);
        }
    }

    private static int send(
            Console console,
            RemotingClientConfig config,
            String broker,
            String command,
            RemotingCommand request,
            java.util.function.Function<RemotingCommand, String> result) {
        try (NettyRemotingClient client = new NettyRemotingClient(config, new ChannelEventListener() {})) {
            RemotingCommand response = client.invokeSync(broker, request, TIMEOUT_MS);
            if (response.code() != ResponseCode.SUCCESS.code()) {
                console.info(command + " failed: " + ResponseCode.nameOf(response.code()) + " " + response.remark());
                return 1;
            }
            console.result(result.apply(response));
            return 0;
        }
    }
}
