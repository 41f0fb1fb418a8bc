package io.couriermq.tools;

import io.couriermq.remoting.security.Credentials;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * The ACL credentials every command signs its requests with (RocketMQ ACL 1.0): {@code --access-key}
 * and {@code --secret-key}, or the environment variables {@value #ACCESS_KEY_ENV} and {@value
 * #SECRET_KEY_ENV}. Global: declared once on the root command and accepted before or after any
 * subcommand. The secret is never printed, not even in the usage help.
 */
public final class CredentialOptions {
    public static final String ACCESS_KEY_ENV = "COURIER_ACCESS_KEY";
    public static final String SECRET_KEY_ENV = "COURIER_SECRET_KEY";

    /** The name of this mixin on the root command, by which subcommands find it. */
    public static final String MIXIN_NAME = "credentials";

    private final UnaryOperator<String> environment;

    @Option(
            names = "--access-key",
            scope = ScopeType.INHERIT,
            paramLabel = "AK",
            description = "ACL access key: signs every request (default $" + ACCESS_KEY_ENV + ")")
    String accessKey;

    @Option(
            names = "--secret-key",
            scope = ScopeType.INHERIT,
            paramLabel = "SK",
            description = "ACL secret key (default $" + SECRET_KEY_ENV
                    + "; prefer the variable: a command line is visible to other users)")
    String secretKey;

    public CredentialOptions() {
        this(System::getenv);
    }

    /** Reads the variables through {@code environment} (the process environment in {@link Main}). */
    public CredentialOptions(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * The credentials given to the command line {@code spec} belongs to, or null when none were given
     * (unsigned requests; also for a command run on its own, without the root command). One key without
     * the other is a usage error naming the missing one.
     */
    public static Credentials of(CommandSpec spec) {
        CommandSpec mixin = spec.root().mixins().get(MIXIN_NAME);
        if (mixin == null || !(mixin.userObject() instanceof CredentialOptions options)) {
            return null;
        }
        return options.credentials(spec);
    }

    Credentials credentials(CommandSpec spec) {
        String access = given(accessKey, ACCESS_KEY_ENV);
        String secret = given(secretKey, SECRET_KEY_ENV);
        if (access == null && secret == null) {
            return null;
        }
        if (access == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--secret-key (or $" + SECRET_KEY_ENV + ") needs --access-key (or $" + ACCESS_KEY_ENV + ")");
        }
        if (secret == null) {
            throw new ParameterException(
                    spec.commandLine(), "--access-key " + access + " needs --secret-key (or $" + SECRET_KEY_ENV + ")");
        }
        return new Credentials(access, secret);
    }

    private String given(String option, String variable) {
        String value = option != null ? option : environment.apply(variable);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
