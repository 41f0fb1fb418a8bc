package io.couriermq.broker.boot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.config.BrokerRole;
import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.store.FlushDiskType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No Docker engine runs in the build, so the images and compose files under {@code docker/} are proven
 * by reading them: every Dockerfile against the POMs, every compose file against its broker.conf files
 * (see {@link ComposeCheck} for the rules). A deliberately broken fixture shows the checks can fail.
 */
class DockerDeploymentTest {
    static final Path REPO_ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath()
            .normalize()
            .getParent();

    static Stream<Path> composeFiles() {
        return files(REPO_ROOT.resolve("docker"), "compose.yaml", "compose.yml", "docker-compose.yml").stream();
    }

    @Test
    void everyImageCopiesTheJarItsModuleBuildsAndStartsItAsAHealthcheckedNonRootUser() {
        List<Path> dockerfiles = files(REPO_ROOT.resolve("docker"), "Dockerfile");
        assertThat(dockerfiles)
                .extracting(path -> REPO_ROOT.relativize(path).toString())
                .contains("docker/broker/Dockerfile", "docker/namesrv/Dockerfile");

        DockerfileCheck check = new DockerfileCheck(REPO_ROOT);
        assertThat(dockerfiles).allSatisfy(path -> assertThat(check.problems(Dockerfile.read(path)))
                .as(path.toString())
                .isEmpty());
    }

    @ParameterizedTest
    @MethodSource("composeFiles")
    void composeFileKeepsEveryRule(Path composeFile) {
        assertThat(new ComposeCheck(REPO_ROOT).problems(ComposeFile.read(composeFile)))
                .isEmpty();
    }

    @Test
    void everyClusterModeHasItsComposeFile() {
        assertThat(composeFiles().map(path -> path.getParent().getFileName().toString()))
                .contains("single-master", "2m-noslave", "2m-2s-async", "2m-2s-sync");
    }

    @Test
    void theModesHaveTheirRolesAndFlushTypes() {
        assertThat(roles("single-master")).containsExactly(Map.entry("broker-a", "ASYNC_MASTER/ASYNC_FLUSH"));
        assertThat(roles("2m-noslave"))
                .containsOnlyKeys("broker-a", "broker-b")
                .allSatisfy((name, role) -> assertThat(role).isEqualTo("ASYNC_MASTER/ASYNC_FLUSH"));
        assertThat(roles("2m-2s-async"))
                .containsEntry("broker-a", "ASYNC_MASTER/ASYNC_FLUSH")
                .containsEntry("broker-b", "ASYNC_MASTER/ASYNC_FLUSH")
                .containsEntry("broker-a-s", "SLAVE/ASYNC_FLUSH")
                .containsEntry("broker-b-s", "SLAVE/ASYNC_FLUSH")
                .hasSize(4);
        assertThat(roles("2m-2s-sync"))
                .containsEntry("broker-a", "SYNC_MASTER/SYNC_FLUSH")
                .containsEntry("broker-b", "SYNC_MASTER/SYNC_FLUSH")
                .containsEntry("broker-a-s", "SLAVE/SYNC_FLUSH")
                .containsEntry("broker-b-s", "SLAVE/SYNC_FLUSH")
                .hasSize(4);
        assertThat(ComposeFile.read(composeFile("2m-2s-async")).services()).containsKeys("namesrv-1", "namesrv-2");
    }

    @Test
    void aBrokenComposeFileIsReportedRuleByRule() {
        Path fixture = fixtureRoot();

        List<String> problems = new ComposeCheck(fixture)
                .problems(ComposeFile.read(fixture.resolve("docker/compose/broken/compose.yaml")));

        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("broker-a has unknown broker.conf keys [brokerRoel]"))
                .anySatisfy(p -> assertThat(p).contains("namesrvAddr names namesrv-2:9876, but namesrv-2 is no"))
                .anySatisfy(p -> assertThat(p).contains("broker-a does not wait for NameServer namesrv to be healthy"))
                .anySatisfy(p -> assertThat(p)
                        .contains("broker-a-twin namesrvAddr names namesrv:9877, but namesrv" + " listens on 9876"))
                .anySatisfy(p -> assertThat(p).contains("broker-a-twin registers brokerIP1=broker-a instead"))
                .anySatisfy(p -> assertThat(p).contains("broker group broker-a has 2 brokers with brokerId 0"))
                .anySatisfy(p ->
                        assertThat(p).contains("host port 8081 is published by both broker-a and" + " broker-a-twin"))
                .anySatisfy(p ->
                        assertThat(p).contains("volume broker-a-store is shared by broker-a and" + " broker-a-twin"))
                .anySatisfy(p -> assertThat(p)
                        .contains("broker-b keeps its store /home/courier/store outside a" + " named volume"))
                .anySatisfy(p -> assertThat(p)
                        .contains("broker-b-s has haMasterAddress=broker-b:10931, but its"
                                + " master's HA port is broker-b:10932"))
                .anySatisfy(p -> assertThat(p)
                        .contains("broker-b-s waits for broker-b to be healthy, but it has" + " no healthcheck"))
                .anySatisfy(p -> assertThat(p)
                        .contains("broker-c-s is a SLAVE of broker group broker-c, which has" + " no single master"))
                .anySatisfy(p -> assertThat(p).contains("broker-d mounts ./missing.conf, which does not exist"))
                .anySatisfy(p -> assertThat(p).contains("namesrv does not write its logs"))
                .anySatisfy(p -> assertThat(p).contains("broker-d mounts volume broker-d-logs, which is not declared"))
                .anySatisfy(p -> assertThat(p).contains("broker-a has no healthcheck"))
                .noneSatisfy(p -> assertThat(p).contains("namesrv has no healthcheck"));
    }

    @Test
    void aBrokenDockerfileIsReported() {
        Path fixture = fixtureRoot();

        List<String> problems =
                new DockerfileCheck(fixture).problems(Dockerfile.read(fixture.resolve("docker/broker/Dockerfile")));

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "docker/broker/Dockerfile: copies mq-broker-boot-0.1.0-SNAPSHOT.jar but mq-broker-boot"
                                + " builds mq-broker.jar",
                        "docker/broker/Dockerfile: runs as root",
                        "docker/broker/Dockerfile: does not pass JAVA_OPTS to the JVM",
                        "docker/broker/Dockerfile: has no HEALTHCHECK");
    }

    private static Map<String, String> roles(String mode) {
        ComposeCheck check = new ComposeCheck(REPO_ROOT);
        assertThat(check.problems(ComposeFile.read(composeFile(mode)))).isEmpty();
        Map<String, BrokerSettings> brokers = check.brokers();
        return brokers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> role(e.getValue())));
    }

    private static String role(BrokerSettings settings) {
        BrokerRole role = settings.broker().brokerRole();
        FlushDiskType flush = settings.store().flushDiskType();
        return role + "/" + flush;
    }

    private static Path composeFile(String mode) {
        return REPO_ROOT.resolve("docker/compose").resolve(mode).resolve("compose.yaml");
    }

    private static Path fixtureRoot() {
        try {
            return Path.of(DockerDeploymentTest.class
                            .getResource("/docker-fixture/docker/compose/broken/compose.yaml")
                            .toURI())
                    .getParent()
                    .getParent()
                    .getParent()
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> files(Path dir, String... names) {
        List<String> wanted = List.of(names);
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(path -> wanted.contains(path.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
