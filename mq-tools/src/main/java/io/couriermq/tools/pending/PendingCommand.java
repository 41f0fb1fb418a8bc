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
import io.couriermq.tools.Main;
import java.nio.charset.StandardCharsets;

/**
 * {@code pending <topic> --broker host:port [--limit N]} lists the messages a broker holds back for a
 * later delivery to a topic (a JSON array on the result line); {@code cancel <msgId> --broker host:port}
 * cancels one by its client id or offset id. Both speak the CourierMQ extension codes.
 */
public final class PendingCommand {
    private static final long TIMEOUT_MS = 5_000;

    private final Console console;

    public PendingCommand(Console console) {
        this.console = console;
    }

    public static String usage() {
        return "  pending <topic> --broker host:port [--limit N]   messages waiting for a later delivery\n"
                + "  cancel <msgId> --broker host:port                cancel one by UNIQ_KEY or offset id";
    }

    /** {@code args[0]} is "pending" or "cancel". Returns the exit code. */
    public int run(String[] args) {
        String broker = null;
        int limit = ListPendingDeliveriesRequestHeader.DEFAULT_LIMIT;
        String subject = null;
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--broker" -> broker = args[++i];
                    case "--limit" -> limit = Integer.parseInt(args[++i]);
                    default -> subject = subject == null ? args[i] : fail("unexpected argument " + args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            return usageError("bad option value: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }
        if (subject == null || broker == null) {
            return usageError(
                    args[0] + " needs " + (args[0].equals("cancel") ? "<msgId>" : "<topic>") + " and --broker");
        }
        try (NettyRemotingClient client =
                new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {})) {
            RemotingCommand response = client.invokeSync(broker, request(args[0], subject, limit), TIMEOUT_MS);
            if (response.code() != ResponseCode.SUCCESS.code()) {
                console.info(args[0] + " failed: " + ResponseCode.nameOf(response.code()) + " " + response.remark());
                return 1;
            }
            console.result(
                    args[0].equals("cancel")
                            ? "CANCELLED " + subject
                            : new String(response.body(), StandardCharsets.UTF_8));
            return 0;
        }
    }

    private static RemotingCommand request(String command, String subject, int limit) {
        return command.equals("cancel")
                ? RemotingCommand.request(RequestCode.CANCEL_PENDING_DELIVERY)
                        .header(new CancelPendingDeliveryRequestHeader(subject))
                        .build()
                : RemotingCommand.request(RequestCode.LIST_PENDING_DELIVERIES)
                        .header(new ListPendingDeliveriesRequestHeader(subject, limit))
                        .build();
    }

    private int usageError(String problem) {
        console.info(problem);
        console.info(usage());
        return Main.USAGE;
    }

    private static String fail(String problem) {
        throw new IllegalArgumentException(problem);
    }
}
