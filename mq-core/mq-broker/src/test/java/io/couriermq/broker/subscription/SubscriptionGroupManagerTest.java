package io.couriermq.broker.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.body.SubscriptionGroupConfig;
import io.couriermq.remoting.protocol.body.SubscriptionGroupWrapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionGroupManagerTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);

    @Test
    void aGroupIsAutoCreatedOnFirstUseWithTheOfficialDefaults() {
        SubscriptionGroupManager groups = manager(Map.of());

        SubscriptionGroupConfig created = groups.findOrAutoCreate("cg").orElseThrow();

        assertThat(created.groupName()).isEqualTo("cg");
        assertThat(created.retryQueueNums()).isEqualTo(1);
        assertThat(created.retryMaxTimes()).isEqualTo(16);
        assertThat(created.consumeEnable()).isTrue();
        assertThat(created.consumeBroadcastEnable()).isTrue();
        assertThat(created.consumeFromMinEnable()).isTrue();
        assertThat(created.notifyConsumerIdsChangedEnable()).isTrue();
        assertThat(created.consumeTimeoutMinute()).isEqualTo(15);
        assertThat(groups.findOrAutoCreate("cg")).contains(created);
        assertThat(groups.dataVersion().counter()).as("created once").isEqualTo(1);
        assertThat(Files.exists(dir.resolve("subscriptionGroups.json"))).isTrue();
    }

    @Test
    void withoutAutoCreationUnknownGroupsStayUnknown() {
        SubscriptionGroupManager groups = manager(Map.of("autoCreateSubscriptionGroup", "false"));

        assertThat(groups.findOrAutoCreate("cg")).isEmpty();
        assertThat(groups.snapshot().subscriptionGroupTable()).isEmpty();
    }

    @Test
    void invalidNamesAreNeverAutoCreatedAndRefusedOnUpdate() {
        SubscriptionGroupManager groups = manager(Map.of());

        assertThat(groups.findOrAutoCreate("bad group")).isEmpty();
        assertThatThrownBy(() -> groups.createOrUpdate(SubscriptionGroupConfig.defaults("bad group")))
                .hasMessageContaining("contains ' '");
    }

    @Test
    void changesArePersistedWithTheirVersionAndSurviveARestart() {
        SubscriptionGroupManager groups = manager(Map.of());
        SubscriptionGroupConfig quiet = new SubscriptionGroupConfig(
                "quiet", true, true, true, true, 2, 3, null, 0, 1, false, 0, 15, Map.of("k", "v"));

        groups.createOrUpdate(quiet);
        groups.findOrAutoCreate("cg");
        groups.findOrAutoCreate("gone");
        assertThat(groups.delete("gone")).isTrue();
        assertThat(groups.delete("gone")).isFalse();

        SubscriptionGroupManager reloaded = manager(Map.of());
        assertThat(reloaded.find("quiet")).contains(quiet);
        assertThat(reloaded.find("cg")).isPresent();
        assertThat(reloaded.find("gone")).isEmpty();
        assertThat(reloaded.dataVersion()).isEqualTo(groups.dataVersion());
        assertThat(reloaded.dataVersion().counter()).isEqualTo(4);
    }

    @Test
    void theSnapshotIsTheAdminView() {
        SubscriptionGroupManager groups = manager(Map.of());
        groups.findOrAutoCreate("b");
        groups.findOrAutoCreate("a");

        SubscriptionGroupWrapper snapshot = groups.snapshot();

        assertThat(snapshot.subscriptionGroupTable()).containsOnlyKeys("a", "b");
        assertThat(snapshot.dataVersion()).isEqualTo(groups.dataVersion());
    }

    @Test
    void notificationsFollowTheGroupSetting() {
        SubscriptionGroupManager groups = manager(Map.of());
        groups.createOrUpdate(new SubscriptionGroupConfig(
                "quiet", true, true, true, false, 1, 16, null, 0, 1, false, 0, 15, Map.of()));

        assertThat(groups.notifyConsumerIdsChangedEnabled("quiet")).isFalse();
        assertThat(groups.notifyConsumerIdsChangedEnabled("unknown")).isTrue();
    }

    @Test
    void aSlaveTakesTheMastersGroupsOnlyWhenTheirVersionDiffers() throws Exception {
        BrokerConfig config = BrokerSettingsLoader.load(Map.of(), Path.of("unused"), "127.0.0.1")
                .broker();
        SubscriptionGroupManager master = new SubscriptionGroupManager(config, dir.resolve("master"), clock);
        master.findOrAutoCreate("billing");
        clock.advanceMillis(1); // versions differ in time (they count the same number of changes)
        SubscriptionGroupManager slave = new SubscriptionGroupManager(config, dir.resolve("slave"), clock);
        slave.findOrAutoCreate("slaveOnly");

        assertThat(slave.replaceAll(master.snapshot())).isTrue();

        assertThat(slave.snapshot()).isEqualTo(master.snapshot());
        assertThat(new SubscriptionGroupManager(config, dir.resolve("slave"), clock).find("billing"))
                .as("persisted")
                .isPresent();
        Files.delete(dir.resolve("slave/subscriptionGroups.json"));
        assertThat(slave.replaceAll(master.snapshot())).isFalse();
        assertThat(dir.resolve("slave/subscriptionGroups.json"))
                .as("not rewritten")
                .doesNotExist();
        assertThatThrownBy(() -> slave.replaceAll(new SubscriptionGroupWrapper(Map.of(), null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(slave.find("billing")).isPresent();
    }

    private SubscriptionGroupManager manager(Map<String, String> entries) {
        BrokerConfig config = BrokerSettingsLoader.load(entries, Path.of("unused"), "127.0.0.1")
                .broker();
        return new SubscriptionGroupManager(config, dir, clock);
    }
}
