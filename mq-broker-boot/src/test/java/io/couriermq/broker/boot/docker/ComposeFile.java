package io.couriermq.broker.boot.docker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The parts of a Docker Compose file the deployment checks read, in both of Compose's spellings (short
 * strings such as {@code "9876:9876"} and long maps). Anchors and {@code <<} merge keys are resolved by
 * SnakeYAML, as Compose resolves them.
 */
record ComposeFile(Path path, Map<String, Service> services, List<String> namedVolumes) {

    /** A bind mount or named volume: {@code source} is a path for binds, a volume name otherwise. */
    record Mount(String source, String target, boolean bind) {}

    /** One port mapping; {@code hostPort} is 0 when only a container port is given (Docker picks one). */
    record PortMapping(int hostPort, int containerPort) {}

    record Service(
            String name,
            Path dockerfile,
            Path buildContext,
            List<String> command,
            List<PortMapping> ports,
            List<Mount> mounts,
            Map<String, String> dependsOn,
            boolean healthcheck) {}

    static ComposeFile read(Path path) {
        Map<String, Object> root;
        try (Reader reader = Files.newBufferedReader(path)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Service> services = new LinkedHashMap<>();
        map(root.get("services"))
                .forEach((name, value) -> services.put(name, service(path.getParent(), name, map(value))));
        return new ComposeFile(
                path, services, List.copyOf(map(root.get("volumes")).keySet()));
    }

    private static Service service(Path dir, String name, Map<String, Object> yaml) {
        Path context = null;
        Path dockerfile = null;
        Object build = yaml.get("build");
        if (build instanceof String contextText) {
            context = dir.resolve(contextText).normalize();
            dockerfile = context.resolve("Dockerfile");
        } else if (build != null) {
            Map<String, Object> buildMap = map(build);
            context = dir.resolve(String.valueOf(buildMap.getOrDefault("context", ".")))
                    .normalize();
            dockerfile = context.resolve(String.valueOf(buildMap.getOrDefault("dockerfile", "Dockerfile")))
                    .normalize();
        }
        Object healthcheck = yaml.get("healthcheck");
        boolean hasHealthcheck =
                healthcheck != null && !Boolean.TRUE.equals(map(healthcheck).get("disable"));
        return new Service(
                name,
                dockerfile,
                context,
                command(yaml.get("command")),
                list(yaml.get("ports")).stream().map(ComposeFile::port).toList(),
                list(yaml.get("volumes")).stream().map(ComposeFile::mount).toList(),
                dependsOn(yaml.get("depends_on")),
                hasHealthcheck);
    }

    private static List<String> command(Object command) {
        if (command == null) {
            return List.of();
        }
        if (command instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        return list(command).stream().map(String::valueOf).toList();
    }

    /** {@code [ip:]host:container[/proto]} or a map with published/target. */
    private static PortMapping port(Object port) {
        if (port instanceof Map<?, ?> longForm) {
            Object published = longForm.get("published");
            return new PortMapping(
                    published == null ? 0 : Integer.parseInt(String.valueOf(published)),
                    Integer.parseInt(String.valueOf(longForm.get("target"))));
        }
        String text = String.valueOf(port).replaceAll("/(tcp|udp)$", "");
        String[] parts = text.split(":");
        int container = Integer.parseInt(parts[parts.length - 1]);
        int host = parts.length == 1 ? 0 : Integer.parseInt(parts[parts.length - 2]);
        return new PortMapping(host, container);
    }

    /** {@code source:target[:mode]} or a map with type/source/target. */
    private static Mount mount(Object volume) {
        if (volume instanceof Map<?, ?> longForm) {
            return new Mount(
                    String.valueOf(longForm.get("source")),
                    String.valueOf(longForm.get("target")),
                    "bind".equals(longForm.get("type")));
        }
        String[] parts = String.valueOf(volume).split(":");
        if (parts.length == 1) {
            return new Mount(null, parts[0], false);
        }
        String source = parts[0];
        boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        return new Mount(source, parts[1], bind);
    }

    /** A list of names (condition service_started) or a map of name to {condition: ...}. */
    private static Map<String, String> dependsOn(Object dependsOn) {
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> names) {
            names.forEach(name -> conditions.put(String.valueOf(name), "service_started"));
        } else if (dependsOn != null) {
            map(dependsOn)
                    .forEach((name, value) -> conditions.put(
                            name, String.valueOf(map(value).getOrDefault("condition", "service_started"))));
        }
        return conditions;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a mapping, found " + value);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<Object, Object>) value).forEach((key, entry) -> copy.put(String.valueOf(key), entry));
        return copy;
    }

    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new IllegalArgumentException("expected a list, found " + value);
        }
        return new ArrayList<>(items);
    }
}
