package io.couriermq.tools.bench.transport;

import io.couriermq.tools.bench.BenchOptions;
import io.couriermq.tools.bench.UsageException;

/**
 * The transports of {@code mq-tools.jar}: {@code client} (our client library's producer; the default for
 * every mode that sends) and {@code remoting} (raw requests; the default for consume, which only pulls).
 * Both sign every request when the run has credentials, and both use TLS when the run asks for it.
 */
public final class ToolTransports implements TransportFactory {
    public static final String CLIENT = "client";
    public static final String REMOTING = "remoting";
    private static final int IO_THREADS = 2;

    @Override
    public BenchTransport open(BenchOptions options) {
        String kind = options.transport() != null
                ? options.transport()
                : options.mode().produces() ? CLIENT : REMOTING;
        return switch (kind) {
            case CLIENT ->
                ClientBenchTransport.start(
                        options.nameServer(), options.group(), IO_THREADS, options.credentials(), options.tls());
            case REMOTING ->
                new RemotingBenchTransport(
                        options.nameServer(), options.group(), IO_THREADS, options.credentials(), options.tls());
            default -> throw new UsageException("--transport must be client or remoting, was '" + kind + "'");
        };
    }
}
