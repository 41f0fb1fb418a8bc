package io.couriermq.tools.cli;

import io.couriermq.tools.Console;
import io.couriermq.tools.CredentialOptions;
import io.couriermq.tools.TlsOptions;
import io.couriermq.tools.bench.BenchCommand;
import io.couriermq.tools.bench.transport.TransportFactory;
import java.lang.reflect.Constructor;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates command objects, handing the {@link Console} (and the bench transports) to those that take them,
 * and the environment to the {@link CredentialOptions} and {@link TlsOptions}.
 */
final class ToolsFactory implements IFactory {
    private final Console console;
    private final TransportFactory transports;
    private final UnaryOperator<String> environment;
    private final IFactory fallback = CommandLine.defaultFactory();

    ToolsFactory(Console console, TransportFactory transports, UnaryOperator<String> environment) {
        this.console = console;
        this.transports = transports;
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == CredentialOptions.class) {
            return type.cast(new CredentialOptions(environment));
        }
        if (type == TlsOptions.class) {
            return type.cast(new TlsOptions(environment));
        }
        if (type == BenchCommand.class) {
            return type.cast(new BenchCommand(console, transports));
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 1 && parameters[0] == Console.class) {
                return type.cast(constructor.newInstance(console));
            }
        }
        return fallback.create(type);
    }
}
