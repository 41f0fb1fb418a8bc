package io.couriermq.tools.cli;

import io.couriermq.admin.AdminClient;
import io.couriermq.tools.CredentialOptions;
import io.couriermq.tools.TlsOptions;
import io.couriermq.tools.bench.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * An admin command: {@code -n/--namesrv} (default {@code $NAMESRV_ADDR}) and {@code --timeout}, an
 * {@link AdminClient} for the run (signing with the global {@link CredentialOptions} when given, over TLS
 * as the global {@link TlsOptions} say), output on the command line's out writer. Failures are
 * {@code AdminException}s, which the root turns into exit code 1.
 */
abstract class AdminCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = {"-n", "--namesrv"},
            paramLabel = "host:port[;host:port]",
            defaultValue = "${env:NAMESRV_ADDR}",
            description = "NameServer address(es), ';'-separated; default $NAMESRV_ADDR")
    String nameServers;

    @Option(
            names = "--timeout",
            defaultValue = "5s",
            converter = DurationConverter.class,
            paramLabel = "D",
            description = "per request, default ${DEFAULT-VALUE}")
    Duration timeout;

    @Override
    public final Integer call() {
        if (nameServers == null || nameServers.isBlank()) {
            throw usage("Missing required option: '--namesrv' (or set NAMESRV_ADDR)");
        }
        try (AdminClient admin = AdminClient.connect(
                AdminClient.parseAddresses(nameServers), timeout, CredentialOptions.of(spec), TlsOptions.of(spec))) {
            return run(admin);
        }
    }

    /** Does the work; returns the exit code. */
    abstract int run(AdminClient admin);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    ParameterException usage(String problem) {
        return new ParameterException(spec.commandLine(), problem);
    }
}
