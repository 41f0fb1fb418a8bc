package io.couriermq.acl.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Where the accounts are read from, as RocketMQ 5.2.0 finds them: the main file {@code
 * $ROCKETMQ_HOME/conf/plain_acl.yml} (name changeable with {@code rocketmq.acl.plain.file}, relative to
 * the home) and every {@code *.yml}/{@code *.yaml} under {@code $ROCKETMQ_HOME/conf/acl/}, searched
 * recursively, {@code tools.yml} (mqadmin's credentials) skipped. A caller may name the main file
 * instead; then no home directory is needed, and the {@code acl/} directory beside it is searched.
 *
 * @param mainFile plain_acl.yml or its replacement; new accounts are written here
 * @param extraDirectory the {@code acl/} directory searched for more files (it need not exist)
 */
public record AclFileLocations(Path mainFile, Path extraDirectory) {
    public static final String HOME_PROPERTY = "rocketmq.home.dir";
    public static final String HOME_ENV = "ROCKETMQ_HOME";
    public static final String FILE_PROPERTY = "rocketmq.acl.plain.file";
    public static final String DEFAULT_FILE = "conf/plain_acl.yml";

    public AclFileLocations {
        mainFile = mainFile.toAbsolutePath().normalize();
        extraDirectory = extraDirectory.toAbsolutePath().normalize();
    }

    /** The main file named by the caller, with {@code acl/} beside it. */
    public static AclFileLocations of(Path mainFile) {
        Path absolute = mainFile.toAbsolutePath();
        return new AclFileLocations(absolute, absolute.resolveSibling("acl"));
    }

    /**
     * As RocketMQ resolves them, from system properties and the environment (passed in, so tests set
     * their own). IllegalStateException when there is no home directory to look in.
     */
    public static AclFileLocations fromEnvironment(UnaryOperator<String> systemProperties, UnaryOperator<String> env) {
        String home = systemProperties.apply(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            home = env.apply(HOME_ENV);
        }
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("ACL is on but no accounts file can be found: set -D" + HOME_PROPERTY
                    + " or " + HOME_ENV + " (the file is <home>/" + DEFAULT_FILE + "), or name the file");
        }
        String name = systemProperties.apply(FILE_PROPERTY);
        Path homeDir = Path.of(home.trim());
        Path main = homeDir.resolve(name == null || name.isBlank() ? DEFAULT_FILE : stripSlash(name.trim()));
        return new AclFileLocations(main, homeDir.resolve("conf").resolve("acl"));
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** The main file, then the extra files in path order. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        files.add(mainFile);
        if (Files.isDirectory(extraDirectory)) {
            try (Stream<Path> walk = Files.walk(extraDirectory)) {
                walk.filter(Files::isRegularFile)
                        .filter(AclFileLocations::isAccountsFile)
                        .map(path -> path.toAbsolutePath().normalize())
                        .filter(path -> !path.equals(mainFile))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + extraDirectory + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    private static boolean isAccountsFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".yml") || name.endsWith(".yaml")) && !name.equals("tools.yml");
    }
}
