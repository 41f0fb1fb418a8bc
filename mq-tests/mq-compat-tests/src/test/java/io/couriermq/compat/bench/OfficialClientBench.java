package io.couriermq.compat.bench;

import io.couriermq.tools.Console;
import io.couriermq.tools.bench.BenchCommand;
import java.util.Arrays;

/**
 * The load generator of mq-tools with the official Apache RocketMQ 5.2.0 producer as its transport:
 * same options, runners and RESULT line as {@code java -jar mq-tools.jar bench}. Run it with
 * {@code scripts/bench-official-client.sh <mode> --namesrv host:port --topic T [options]}.
 */
public final class OfficialClientBench {
    private OfficialClientBench() {}

    public static void main(String[] args) {
        String[] benchArgs =
                args.length > 0 && args[0].equals("bench") ? Arrays.copyOfRange(args, 1, args.length) : args;
        System.exit(new BenchCommand(Console.system(), new OfficialClientTransports()).run(benchArgs));
    }
}
