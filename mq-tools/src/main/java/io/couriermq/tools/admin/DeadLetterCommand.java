package io.couriermq.tools.admin;

import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.tools.Console;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CourierMQ admin extension for dead letters, sent to one broker (pending deliveries are {@code
 * pending} / {@code cancel}, see {@code PendingCommand}):
 *
 * <pre>
 * dlq resend     --broker host:port --id offsetMsgId
 * dlq resend     --broker host:port --group G [--queue Q] --begin B --end E
 * </pre>
 *
 * The broker's JSON answer is the result line; a refusal is printed with the broker's remark.
 */
public final class DeadLetterCommand {
    public static final List<String> TOOLS = List.of("dlq");
    private static final long TIMEOUT_MS = 10_000;

    private final Console console;

    public DeadLetterCommand(Console console) {
        this.console = console;
    }

    public static String usage() {
        return String.join(
                "\n",
                "  dlq resend     --broker host:port --id offsetMsgId",
                "  dlq resend     --broker host:port --group G [--queue Q] --begin B --end E");
    }

    /** Runs {@code tool verb --option value...}; returns 0 on success, 1 when refused, 2 on bad arguments. */
    public int run(String tool, String[] args) {
        Map<String, String> options;
        RemotingCommand request;
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException("missing the verb after '" + tool + "'");
            }
            options = options(args);
            request = request(tool + " " + args[0], options);
        } catch (IllegalArgumentException e) {
            console.info(e.getMessage());
            console.info(usage());
            return 2;
        }
        try (NettyRemotingClient client =
                new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {})) {
            RemotingCommand response = client.invokeSync(options.get("broker"), request, TIMEOUT_MS);
            if (response.code() != ResponseCode.SUCCESS.code()) {
                console.info("refused (" + response.code() + "): " + response.remark());
                return 1;
            }
            console.result(response.hasBody() ? new String(response.body(), StandardCharsets.UTF_8) : "OK");
            return 0;
        } catch (RuntimeException e) {
            console.info("request to " + options.get("broker") + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static RemotingCommand request(String command, Map<String, String> options) {
        require(options, "broker");
        return switch (command) {
            case "dlq resend" ->
                options.containsKey("id")
                        ? RemotingCommand.request(RequestCode.RESEND_DEAD_LETTER)
                                .extField("msgId", options.get("id"))
                                .build()
                        : RemotingCommand.request(RequestCode.RESEND_DEAD_LETTERS_IN_RANGE)
                                .extField("group", require(options, "group"))
                                .extField("queueId", options.getOrDefault("queue", "0"))
                                .extField("beginOffset", require(options, "begin"))
                                .extField("endOffset", require(options, "end"))
                                .build();
            default -> throw new IllegalArgumentException("unknown command '" + command + "'");
        };
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected '--option value', found '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
