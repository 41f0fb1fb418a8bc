package io.couriermq.tools;

import io.couriermq.remoting.netty.tls.KeySource;
import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.netty.tls.TrustSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * TLS on every connection a command opens, NameServers and brokers alike (as in RocketMQ, a client speaks
 * TLS to all or to none): {@code --tls} (the JDK trust store), {@code --tls-ca} (a PEM bundle or a PKCS12
 * trust store; implies {@code --tls}), {@code --tls-cert}/{@code --tls-key} (a client certificate for mutual
 * TLS; imply {@code --tls}), {@code --no-tls-hostname-check}. The server's certificate must name the host
 * connected to unless that check is turned off. A PKCS12 store's password (and an encrypted PEM key's) comes
 * from {@value #PASSWORD_ENV}, never from the command line. Global like {@link CredentialOptions}.
 */
public final class TlsOptions {
    public static final String PASSWORD_ENV = "COURIER_TLS_PASSWORD";

    /** The name of this mixin on the root command, by which subcommands find it. */
    public static final String MIXIN_NAME = "tls";

    private final UnaryOperator<String> environment;

    @Option(
            names = "--tls",
            scope = ScopeType.INHERIT,
            description = "connect over TLS, trusting the JDK's CA certificates")
    boolean tls;

    @Option(
            names = "--tls-ca",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "CA certificates to trust: a PEM bundle, or a PKCS12 store (.p12/.pfx, password $"
                    + PASSWORD_ENV + "); implies --tls")
    Path trust;

    @Option(
            names = "--tls-cert",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "client certificate chain (PEM) for mutual TLS, with --tls-key; implies --tls")
    Path certificate;

    @Option(
            names = "--tls-key",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "the client certificate's PKCS#8 PEM private key (encrypted: password $" + PASSWORD_ENV + ")")
    Path key;

    @Option(
            names = "--no-tls-hostname-check",
            scope = ScopeType.INHERIT,
            description = "accept a server certificate that does not name the host connected to")
    boolean noHostnameCheck;

    public TlsOptions() {
        this(System::getenv);
    }

    /** Reads {@value #PASSWORD_ENV} through {@code environment} (the process environment in {@link Main}). */
    public TlsOptions(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * The TLS settings given to the command line {@code spec} belongs to: {@link TlsClientSettings#disabled()}
     * when none were given (also for a command run on its own, without the root command). An inconsistent
     * combination or a missing file is a usage error naming the option.
     */
    public static TlsClientSettings of(CommandSpec spec) {
        CommandSpec mixin = spec.root().mixins().get(MIXIN_NAME);
        if (mixin == null || !(mixin.userObject() instanceof TlsOptions options)) {
            return TlsClientSettings.disabled();
        }
        return options.settings(spec);
    }

    TlsClientSettings settings(CommandSpec spec) {
        if (key != null && certificate == null) {
            throw usage(spec, "--tls-key needs --tls-cert (the certificate the key belongs to)");
        }
        if (certificate != null && key == null) {
            throw usage(spec, "--tls-cert needs --tls-key (the certificate's private key)");
        }
        boolean enabled = tls || trust != null || certificate != null;
        if (!enabled) {
            if (noHostnameCheck) {
                throw usage(spec, "--no-tls-hostname-check needs --tls or --tls-ca");
            }
            return TlsClientSettings.disabled();
        }
        String password = password();
        TlsClientSettings settings = TlsClientSettings.verifyingServer().withHostnameVerification(!noHostnameCheck);
        if (trust != null) {
            readable(spec, "--tls-ca", trust);
            settings = settings.withTrust(
                    isPkcs12(trust) ? new TrustSource.Pkcs12Store(trust, password) : new TrustSource.PemBundle(trust));
        }
        if (certificate != null) {
            readable(spec, "--tls-cert", certificate);
            readable(spec, "--tls-key", key);
            settings = settings.withClientKey(new KeySource.Pem(certificate, key, password));
        }
        return settings;
    }

    private String password() {
        String value = environment.apply(PASSWORD_ENV);
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean isPkcs12(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx");
    }

    private static void readable(CommandSpec spec, String option, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw usage(spec, option + " " + file + ": no such readable file");
        }
    }

    private static ParameterException usage(CommandSpec spec, String problem) {
        return new ParameterException(spec.commandLine(), problem);
    }
}
