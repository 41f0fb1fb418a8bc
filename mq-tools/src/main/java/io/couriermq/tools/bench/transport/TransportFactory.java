package io.couriermq.tools.bench.transport;

import io.couriermq.tools.bench.BenchOptions;

/**
 * Opens the transport a run uses. The launcher decides which transports exist (the tool's own, or the
 * official client's in the compatibility tests), so the command, runners and stats stay the same for all.
 * An unsupported {@code --transport} or mode is a {@link io.couriermq.tools.bench.UsageException}.
 */
@FunctionalInterface
public interface TransportFactory {
    BenchTransport open(BenchOptions options);
}
