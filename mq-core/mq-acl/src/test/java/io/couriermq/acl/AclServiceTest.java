package io.couriermq.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.acl.file.AclFileException;
import io.couriermq.acl.file.AclFileLocations;
import io.couriermq.acl.model.AccountConfig;
import io.couriermq.acl.model.AclPermission;
import io.couriermq.acl.model.FileVersion;
import io.couriermq.common.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AclServiceTest {
    private static final String ONE_ACCOUNT = """
            accounts:
              - accessKey: RocketMQ
                secretKey: 12345678
                defaultTopicPerm: PUB
            """;

    @TempDir
    Path home;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private AclService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    private Path mainFile() {
        return home.resolve("conf/plain_acl.yml");
    }

    private AclService open(long intervalMs) {
        AclFileLocations locations = AclFileLocations.fromEnvironment(
                name -> name.equals("rocketmq.home.dir") ? home.toString() : null, name -> null);
        service = AclService.open(locations, clock, intervalMs);
        return service;
    }

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aMissingMainFileIsCreatedEmpty() {
        open(0);
        assertThat(mainFile()).exists();
        assertThat(service.accounts().byAccessKey()).isEmpty();
    }

    @Test
    void locationsFollowRocketMqsPropertiesAndEnvironment() {
        AclFileLocations byEnv = AclFileLocations.fromEnvironment(name -> null, name -> "/opt/rmq");
        assertThat(byEnv.mainFile()).isEqualTo(Path.of("/opt/rmq/conf/plain_acl.yml"));
        assertThat(byEnv.extraDirectory()).isEqualTo(Path.of("/opt/rmq/conf/acl"));
        AclFileLocations renamed = AclFileLocations.fromEnvironment(
                name -> Map.of("rocketmq.home.dir", "/home/mq", "rocketmq.acl.plain.file", "conf/other.yml")
                        .get(name),
                name -> "/opt/rmq");
        assertThat(renamed.mainFile()).isEqualTo(Path.of("/home/mq/conf/other.yml"));
        assertThatThrownBy(() -> AclFileLocations.fromEnvironment(name -> null, name -> null))
                .hasMessageContaining("rocketmq.home.dir")
                .hasMessageContaining("ROCKETMQ_HOME");
    }

    @Test
    void aBadFileFailsOpeningWithFileAndLine() throws IOException {
        write(mainFile(), ONE_ACCOUNT + "    defaultGroupPerm: MAYBE\n");
        assertThatThrownBy(() -> open(0))
                .isInstanceOf(AclFileException.class)
                .hasMessageStartingWith(mainFile() + ":5: ")
                .hasMessageContaining("MAYBE");
    }

    @Test
    void aChangedFileIsAppliedAndABadVersionLeavesTheOldAccountsInForce() throws IOException {
        write(mainFile(), ONE_ACCOUNT);
        open(0);
        assertThat(service.reloadIfChanged()).isFalse();

        write(mainFile(), ONE_ACCOUNT.replace("PUB", "SUB"));
        assertThat(service.reloadIfChanged()).isTrue();
        assertThat(service.accounts().account("RocketMQ").orElseThrow().defaultTopicPerm())
                .isEqualTo(AclPermission.SUB);

        write(mainFile(), ONE_ACCOUNT.replace("PUB", "SUBSCRIBE"));
        assertThat(service.reloadIfChanged()).isFalse();
        assertThat(service.accounts().account("RocketMQ").orElseThrow().defaultTopicPerm())
                .isEqualTo(AclPermission.SUB);
    }

    @Test
    void theWatcherReloadsByItself() throws IOException {
        write(mainFile(), ONE_ACCOUNT);
        open(20);
        write(mainFile(), ONE_ACCOUNT.replace("RocketMQ", "Renamed1"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.accounts().account("Renamed1").isPresent());
        assertThat(service.accounts().account("RocketMQ")).isEmpty();
    }

    @Test
    void filesUnderConfAclCountTooAndTheFirstDefinitionWins() throws IOException {
        write(mainFile(), ONE_ACCOUNT);
        write(
                home.resolve("conf/acl/team/b.yaml"),
                ONE_ACCOUNT.replace("PUB", "SUB") + "  - accessKey: TeamUser1\n    secretKey: 12345678\n");
        write(home.resolve("conf/acl/tools.yml"), "accessKey: rocketmq2\nsecretKey: 12345678\n");
        open(0);
        assertThat(service.accounts().account("RocketMQ").orElseThrow().defaultTopicPerm())
                .isEqualTo(AclPermission.PUB);
        assertThat(service.accounts().fileOf().get("TeamUser1")).isEqualTo(home.resolve("conf/acl/team/b.yaml"));

        write(home.resolve("conf/acl/c.yml"), "accounts:\n  - accessKey: Added123\n    secretKey: 12345678\n");
        assertThat(service.reloadIfChanged()).isTrue();
        assertThat(service.accounts().account("Added123")).isPresent();
    }

    @Test
    void adminChangesAreWrittenWithANewVersionAndInForceAtOnce() throws IOException {
        write(mainFile(), ONE_ACCOUNT);
        open(0);
        AclEditor editor = service.editor();

        editor.createOrUpdate(new AccountConfig(
                "NewUser1", "secret-1", null, false, "SUB", null, List.of("Orders=PUB"), List.of("G1=SUB")));
        assertThat(service.accounts().account("NewUser1").orElseThrow().resourcePerms())
                .containsEntry("Orders", AclPermission.PUB)
                .containsEntry("%RETRY%G1", AclPermission.SUB);
        assertThat(service.versions()).containsEntry(mainFile(), new FileVersion(1, clock.millis()));
        assertThat(Files.readString(mainFile())).contains("NewUser1").contains("counter: 1");

        clock.advanceMillis(1000);
        editor.createOrUpdate(new AccountConfig("RocketMQ", null, null, true, null, null, null, null));
        assertThat(service.accounts().account("RocketMQ").orElseThrow().admin()).isTrue();
        assertThat(service.accounts().account("RocketMQ").orElseThrow().secretKey())
                .isEqualTo("12345678");
        assertThat(service.versions().get(mainFile())).isEqualTo(new FileVersion(2, clock.millis()));

        editor.replaceGlobalWhiteList(List.of("10.1.1.*", " 10.2.2.2 "), "");
        assertThat(service.accounts().globallyWhiteListed("10.2.2.2")).isTrue();

        assertThat(editor.delete("NewUser1")).isTrue();
        assertThat(editor.delete("NewUser1")).isFalse();
        assertThat(service.accounts().account("NewUser1")).isEmpty();
        assertThat(service.reloadIfChanged()).isFalse();
    }

    @Test
    void badAdminChangesAreRefusedAndNothingIsWritten() throws IOException {
        write(mainFile(), ONE_ACCOUNT);
        open(0);
        String before = Files.readString(mainFile());
        AclEditor editor = service.editor();
        assertThatThrownBy(() -> editor.createOrUpdate(
                        new AccountConfig("short", "12345678", null, false, null, null, null, null)))
                .hasMessageContaining("accessKey must be longer than 6");
        assertThatThrownBy(() ->
                        editor.createOrUpdate(new AccountConfig("NewUser1", null, null, false, null, null, null, null)))
                .hasMessageContaining("secretKey");
        assertThatThrownBy(() -> editor.createOrUpdate(
                        new AccountConfig("RocketMQ", null, null, false, "ALL", null, null, null)))
                .hasMessageContaining("unknown permission 'ALL'");
        assertThatThrownBy(() -> editor.replaceGlobalWhiteList(List.of("10.1.*.1"), null))
                .hasMessageContaining("bad address pattern");
        assertThatThrownBy(() -> editor.replaceGlobalWhiteList(List.of("10.1.1.1"), "/etc/passwd"))
                .hasMessageContaining("not one of this broker's accounts files");
        assertThat(Files.readString(mainFile())).isEqualTo(before);
    }
}
