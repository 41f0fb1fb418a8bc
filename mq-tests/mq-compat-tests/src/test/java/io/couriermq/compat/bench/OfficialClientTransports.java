package io.couriermq.compat.bench;

import io.couriermq.tools.bench.BenchOptions;
import io.couriermq.tools.bench.UsageException;
import io.couriermq.tools.bench.transport.BenchTransport;
import io.couriermq.tools.bench.transport.TransportFactory;

/** Opens {@link OfficialClientTransport} for the producing modes; anything else is bad usage. */
final class OfficialClientTransports implements TransportFactory {
    static final String OFFICIAL = "official";

    @Override
    public BenchTransport open(BenchOptions options) {
        if (options.transport() != null && !options.transport().equals(OFFICIAL)) {
            throw new UsageException("this launcher runs the official client only: --transport " + OFFICIAL
                    + " or nothing, was '" + options.transport() + "'");
        }
        if (!options.mode().cliName().startsWith("produce-")) {
            throw new UsageException("the official client transport measures producing only (produce-sync,"
                    + " produce-async, produce-oneway, produce-batch), not "
                    + options.mode().cliName());
        }
        return OfficialClientTransport.start(options.nameServer(), options.group());
    }
}
