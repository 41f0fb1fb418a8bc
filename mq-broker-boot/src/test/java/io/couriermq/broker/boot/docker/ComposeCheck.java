package io.couriermq.broker.boot.docker;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.broker.config.InvalidConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rules a compose file of {@code docker/} keeps, each reported as one sentence naming the file and
 * service: every image built from a Dockerfile under the repository; every broker given a broker.conf
 * ({@code -c}) that exists and loads with no unknown key; addresses that name services of the same file
 * (namesrvAddr the NameServers on their port, brokerIP1 the broker itself, haMasterAddress its master's
 * HA port); one master per broker group and no slave without one; unique host ports; store and logs on
 * named volumes of their own; a healthcheck for every service and healthy NameServers before a broker.
 */
final class ComposeCheck {
    static final String BROKER_MODULE = "mq-broker-boot";
    static final String NAMESRV_MODULE = "mq-namesrv-boot";
    /** NameServerProperties' default listen port, used when the command line does not move it. */
    static final int NAMESRV_DEFAULT_PORT = 9876;

    private static final String LOG_PATH_ARGUMENT = "--logging.file.path=";

    private final Path repoRoot;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Dockerfile> images = new HashMap<>();
    private final Map<String, BrokerSettings> brokers = new LinkedHashMap<>();
    private ComposeFile compose;
    private String file;

    ComposeCheck(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    List<String> problems(ComposeFile composeFile) {
        compose = composeFile;
        file = repoRoot.relativize(composeFile.path()).toString();
        problems.clear();
        images.clear();
        brokers.clear();
        compose.services().values().forEach(this::readImage);
        compose.services().values().forEach(this::checkService);
        checkHostPorts();
        checkVolumes();
        brokers.forEach(this::checkAddresses);
        checkBrokerGroups();
        return List.copyOf(problems);
    }

    /** The brokers of the last file checked, by service name, as their broker.conf loads. */
    Map<String, BrokerSettings> brokers() {
        return Map.copyOf(brokers);
    }

    private void readImage(ComposeFile.Service service) {
        if (service.dockerfile() == null) {
            report(service, "has no build section: its image is not built from this repository");
        } else if (!Files.isRegularFile(service.dockerfile())) {
            report(service, "builds from " + service.dockerfile() + ", which does not exist");
        } else if (!service.buildContext().equals(repoRoot)) {
            report(service, "builds with context " + service.buildContext() + " instead of the repository root");
        } else {
            images.put(service.name(), Dockerfile.read(service.dockerfile()));
        }
    }

    private void checkService(ComposeFile.Service service) {
        if (!hasHealthcheck(service.name())) {
            report(service, "has no healthcheck (neither in the compose file nor a HEALTHCHECK in its Dockerfile)");
        }
        service.dependsOn().forEach((other, condition) -> {
            if (!compose.services().containsKey(other)) {
                report(service, "depends on " + other + ", which is not a service of this file");
            } else if (condition.equals("service_healthy") && !hasHealthcheck(other)) {
                report(service, "waits for " + other + " to be healthy, but it has no healthcheck");
            }
        });
        Optional<String> logs = argument(service, LOG_PATH_ARGUMENT);
        if (logs.isEmpty() || namedVolumeAt(service, logs.get()).isEmpty()) {
            report(service, "does not write its logs (" + LOG_PATH_ARGUMENT + "...) to a named volume");
        }
        if (isBroker(service.name())) {
            readBrokerConf(service);
        }
    }

    private void readBrokerConf(ComposeFile.Service service) {
        Optional<String> confPath = configFileArgument(service.command());
        if (confPath.isEmpty()) {
            report(service, "is a broker but is given no broker.conf (-c <file>)");
            return;
        }
        Optional<ComposeFile.Mount> mount = service.mounts().stream()
                .filter(m -> m.bind() && m.target().equals(confPath.get()))
                .findFirst();
        if (mount.isEmpty()) {
            report(service, "reads " + confPath.get() + " but nothing is mounted there");
            return;
        }
        Path conf = compose.path().getParent().resolve(mount.get().source()).normalize();
        if (!Files.isRegularFile(conf)) {
            report(service, "mounts " + mount.get().source() + ", which does not exist");
            return;
        }
        BrokerSettings settings;
        try {
            settings = BrokerSettingsLoader.load(read(conf), Path.of("/nonexistent-default-store"), "127.0.0.1");
        } catch (InvalidConfigException | IllegalArgumentException e) {
            report(service, "has a broker.conf that does not load: " + e.getMessage());
            return;
        }
        if (!settings.unknownKeys().isEmpty()) {
            report(service, "has unknown broker.conf keys " + settings.unknownKeys());
        }
        String store = settings.store().storePathRootDir().toString();
        if (namedVolumeAt(service, store).isEmpty()) {
            report(service, "keeps its store " + store + " outside a named volume");
        }
        brokers.put(service.name(), settings);
    }

    private void checkAddresses(String name, BrokerSettings settings) {
        ComposeFile.Service service = compose.services().get(name);
        BrokerConfig broker = settings.broker();
        if (!name.equals(broker.brokerIP1())) {
            report(service, "registers brokerIP1=" + broker.brokerIP1() + " instead of its service name");
        }
        int listenPort = broker.listenPort();
        if (service.ports().stream().noneMatch(p -> p.hostPort() == listenPort && p.containerPort() == listenPort)) {
            report(
                    service,
                    "does not publish its listenPort " + listenPort + " on the same host port,"
                            + " so the address it registers is not reachable from the host");
        }
        if (broker.nameServerAddresses().isEmpty()) {
            report(service, "has no namesrvAddr");
        }
        for (String address : broker.nameServerAddresses()) {
            String host = host(address);
            if (!isNameServer(host)) {
                report(service, "namesrvAddr names " + address + ", but " + host + " is no NameServer service here");
            } else if (port(address) != nameServerPort(compose.services().get(host))) {
                report(
                        service,
                        "namesrvAddr names " + address + ", but " + host + " listens on "
                                + nameServerPort(compose.services().get(host)));
            } else if (!"service_healthy".equals(service.dependsOn().get(host))) {
                report(service, "does not wait for NameServer " + host + " to be healthy (depends_on)");
            }
        }
    }

    private void checkBrokerGroups() {
        Map<String, List<String>> groups = brokers.entrySet().stream()
                .collect(Collectors.groupingBy(
                        e -> e.getValue().broker().brokerName(),
                        TreeMap::new,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        groups.forEach((brokerName, members) -> {
            List<String> masters = members.stream()
                    .filter(m -> brokers.get(m).broker().brokerId() == 0)
                    .toList();
            if (masters.size() != 1) {
                problems.add(file + ": broker group " + brokerName + " has " + masters.size()
                        + " brokers with brokerId 0 " + masters + "; it needs exactly one master");
            }
            Map<Long, String> byId = new HashMap<>();
            for (String member : members) {
                String previous = byId.put(brokers.get(member).broker().brokerId(), member);
                if (previous != null) {
                    problems.add(file + ": " + previous + " and " + member + " share brokerId "
                            + brokers.get(member).broker().brokerId() + " in broker group " + brokerName);
                }
            }
            members.stream()
                    .filter(m -> !brokers.get(m).broker().brokerRole().isMaster())
                    .forEach(slave -> checkSlave(slave, masters.size() == 1 ? masters.get(0) : null));
        });
    }

    private void checkSlave(String slave, String master) {
        ComposeFile.Service service = compose.services().get(slave);
        if (master == null) {
            report(
                    service,
                    "is a SLAVE of broker group " + brokers.get(slave).broker().brokerName()
                            + ", which has no single master in this file");
            return;
        }
        String address = brokers.get(slave).ha().haMasterAddress();
        BrokerConfig masterConfig = brokers.get(master).broker();
        int haPort = brokers.get(master).ha().effectivePort(masterConfig.listenPort());
        if (address == null) {
            report(service, "is a SLAVE without haMasterAddress (expected " + master + ":" + haPort + ")");
        } else if (!address.equals(master + ":" + haPort)) {
            report(
                    service,
                    "has haMasterAddress=" + address + ", but its master's HA port is " + master + ":" + haPort);
        }
    }

    private void checkHostPorts() {
        Map<Integer, String> owners = new TreeMap<>();
        compose.services().values().forEach(service -> service.ports().stream()
                .filter(port -> port.hostPort() != 0)
                .forEach(port -> {
                    String previous = owners.putIfAbsent(port.hostPort(), service.name());
                    if (previous != null) {
                        problems.add(file + ": host port " + port.hostPort() + " is published by both " + previous
                                + " and " + service.name());
                    }
                }));
    }

    private void checkVolumes() {
        Map<String, String> users = new TreeMap<>();
        compose.services().values().forEach(service -> service.mounts().stream()
                .filter(mount -> !mount.bind() && mount.source() != null)
                .forEach(mount -> {
                    if (!compose.namedVolumes().contains(mount.source())) {
                        report(service, "mounts volume " + mount.source() + ", which is not declared under volumes");
                    }
                    String previous = users.putIfAbsent(mount.source(), service.name());
                    if (previous != null && !previous.equals(service.name())) {
                        problems.add(file + ": volume " + mount.source() + " is shared by " + previous + " and "
                                + service.name());
                    }
                }));
    }

    private boolean hasHealthcheck(String service) {
        Dockerfile image = images.get(service);
        return compose.services().get(service).healthcheck() || (image != null && image.hasHealthcheck());
    }

    private boolean isBroker(String service) {
        return images.containsKey(service)
                && DockerfileCheck.module(images.get(service)).equals(BROKER_MODULE);
    }

    private boolean isNameServer(String service) {
        return images.containsKey(service)
                && DockerfileCheck.module(images.get(service)).equals(NAMESRV_MODULE);
    }

    private static int nameServerPort(ComposeFile.Service service) {
        return argument(service, "--courier.namesrv.listen-port=")
                .map(Integer::parseInt)
                .orElse(NAMESRV_DEFAULT_PORT);
    }

    private static Optional<ComposeFile.Mount> namedVolumeAt(ComposeFile.Service service, String target) {
        return service.mounts().stream()
                .filter(mount -> !mount.bind() && mount.source() != null)
                .filter(mount -> target.equals(mount.target()) || target.startsWith(mount.target() + "/"))
                .findFirst();
    }

    private static Optional<String> argument(ComposeFile.Service service, String prefix) {
        return service.command().stream()
                .filter(arg -> arg.startsWith(prefix))
                .map(arg -> arg.substring(prefix.length()))
                .findFirst();
    }

    /** {@code -c file} or {@code -c=file}, as BrokerArguments reads them. */
    static Optional<String> configFileArgument(List<String> command) {
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).equals("-c") && i + 1 < command.size()) {
                return Optional.of(command.get(i + 1));
            }
            if (command.get(i).startsWith("-c=")) {
                return Optional.of(command.get(i).substring(3));
            }
        }
        return Optional.empty();
    }

    private static String host(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? address : address.substring(0, colon);
    }

    private static int port(String address) {
        try {
            return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> read(Path conf) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(conf)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key)));
        return entries;
    }

    private void report(ComposeFile.Service service, String problem) {
        problems.add(file + ": " + service.name() + " " + problem);
    }
}
