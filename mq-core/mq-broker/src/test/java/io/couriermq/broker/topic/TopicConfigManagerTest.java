package io.couriermq.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicConfigSerializeWrapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicConfigManagerTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);

    @Test
    void aNewBrokerHasTheSystemTopicsAndTheAutoCreateTemplate() {
        TopicConfigManager topics = new TopicConfigManager(config(Map.of()), dir, clock);

        TopicConfig template = topics.find(TopicNames.AUTO_CREATE_TEMPLATE).orElseThrow();
        assertThat(template.perm()).isEqualTo(Permission.READ_WRITE | Permission.INHERIT);
        assertThat(template.writeQueueNums()).isEqualTo(8);
        assertThat(topics.find("DefaultCluster")).isPresent();
        assertThat(topics.find("broker-a")).isPresent();
        assertThat(topics.find(TopicNames.SELF_TEST)).isPresent();
    }

    @Test
    void manyTopicsAreCreatedAsOneChangeOrNotAtAll() {
        TopicConfigManager topics = new TopicConfigManager(config(Map.of()), dir, clock);
        AtomicInteger changes = new AtomicInteger();
        topics.addChangeListener(changes::incrementAndGet);
        long counterBefore = topics.snapshot().dataVersion().counter();

        topics.createOrUpdateAll(List.of(topic("A", 4), topic("B", 2)));

        assertThat(topics.find("A")).isPresent();
        assertThat(topics.find("B")).isPresent();
        assertThat(changes).hasValue(1);
        assertThat(topics.snapshot().dataVersion().counter()).isEqualTo(counterBefore + 1);
        assertThat(new TopicConfigManager(config(Map.of()), dir, clock).find("B"))
                .as("written to topics.json")
                .isPresent();

        assertThatThrownBy(() -> topics.createOrUpdateAll(List.of(topic("C", 4), topic("bad name", 4))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(topics.find("C")).isEmpty();
        assertThat(changes).hasValue(1);
    }

    private static TopicConfig topic(String name, int queues) {
        return new TopicConfig(name, queues, queues, Permission.READ_WRITE, "SINGLE_TAG", 0, false, Map.of());
    }

    @Test
    void withoutAutoCreateThereIsNoTemplateAndNoAutoCreation() {
        TopicConfigManager topics =
                new TopicConfigManager(config(Map.of("autoCreateTopicEnable", "false")), dir, clock);

        assertThat(topics.find(TopicNames.AUTO_CREATE_TEMPLATE)).isEmpty();
        assertThat(topics.autoCreate("Orders", TopicNames.AUTO_CREATE_TEMPLATE, 4))
                .isEmpty();
    }

    @Test
    void autoCreationFollowsTheTemplateWithoutInheriting() {
        TopicConfigManager topics = new TopicConfigManager(config(Map.of("defaultTopicQueueNums", "2")), dir, clock);

        TopicConfig created =
                topics.autoCreate("Orders", TopicNames.AUTO_CREATE_TEMPLATE, 4).orElseThrow();

        assertThat(created.writeQueueNums()).as("capped by the template").isEqualTo(2);
        assertThat(created.perm()).isEqualTo(Permission.READ_WRITE);
        assertThat(topics.autoCreate("Other", "Orders", 4))
                .as("Orders has no inherit bit")
                .isEmpty();
    }

    @Test
    void everyChangeIsPersistedVersionedAndAnnounced() {
        TopicConfigManager topics = new TopicConfigManager(config(Map.of()), dir, clock);
        AtomicInteger announcements = new AtomicInteger();
        topics.addChangeListener(announcements::incrementAndGet);
        long before = topics.dataVersion().counter();

        topics.createOrUpdate(new TopicConfig("Orders", 4, 4, 6, "SINGLE_TAG", 0, false, Map.of()));
        topics.retryTopicOf("billing");

        assertThat(topics.dataVersion().counter()).isEqualTo(before + 2);
        assertThat(announcements).hasValue(2);
        TopicConfigManager reloaded = new TopicConfigManager(config(Map.of()), dir, clock);
        assertThat(reloaded.find("Orders")).isPresent();
        assertThat(reloaded.find("%RETRY%billing").orElseThrow().readQueueNums())
                .isEqualTo(1);
        assertThat(reloaded.dataVersion()).isEqualTo(topics.dataVersion());
    }

    @Test
    void invalidTopicsAreRefusedWithTheReason() {
        TopicConfigManager topics = new TopicConfigManager(config(Map.of()), dir, clock);

        assertThatThrownBy(() -> topics.createOrUpdate(new TopicConfig("bad topic", 4, 4, 6, null, 0, false, null)))
                .hasMessageContaining("contains ' '");
        assertThatThrownBy(() -> topics.createOrUpdate(new TopicConfig("x".repeat(128), 4, 4, 6, null, 0, false, null)))
                .hasMessageContaining("at most 127");
        assertThatThrownBy(() -> topics.createOrUpdate(new TopicConfig("Orders", 0, 4, 6, null, 0, false, null)))
                .hasMessageContaining("at least one read and one write queue");
        assertThatThrownBy(() ->
                        topics.createOrUpdate(new TopicConfig("Orders", 1_427_382_596, 4, 6, null, 0, false, null)))
                .hasMessageContaining("at most 65536 read and write queues, was 1427382596 / 4");
        assertThat(topics.createOrUpdate(new TopicConfig("Orders", 65_536, 65_536, 6, null, 0, false, null))
                        .readQueueNums())
                .isEqualTo(65_536);
    }

    @Test
    void deletingATopicRemovesItForGood() {
        TopicConfigManager topics = new TopicConfigManager(config(Map.of()), dir, clock);
        topics.createOrUpdate(new TopicConfig("Orders", 4, 4, 6, "SINGLE_TAG", 0, false, Map.of()));

        assertThat(topics.delete("Orders")).isTrue();
        assertThat(topics.delete("Orders")).isFalse();
        assertThat(new TopicConfigManager(config(Map.of()), dir, clock).find("Orders"))
                .isEmpty();
    }

    @Test
    void aSlaveTakesTheMastersTableOnlyWhenItsVersionDiffers() throws Exception {
        TopicConfigManager master = new TopicConfigManager(config(Map.of()), dir.resolve("master"), clock);
        master.createOrUpdate(new TopicConfig("Orders", 4, 4, 6, "SINGLE_TAG", 0, false, Map.of()));
        clock.advanceMillis(1); // versions differ in time (they count the same number of changes)
        TopicConfigManager slave = new TopicConfigManager(config(Map.of()), dir.resolve("slave"), clock);
        slave.createOrUpdate(new TopicConfig("SlaveOnly", 1, 1, 6, "SINGLE_TAG", 0, false, Map.of()));
        AtomicInteger notified = new AtomicInteger();
        slave.addChangeListener(notified::incrementAndGet);

        assertThat(slave.replaceAll(master.snapshot())).isTrue();

        assertThat(slave.snapshot()).isEqualTo(master.snapshot());
        assertThat(slave.find("SlaveOnly")).isEmpty();
        assertThat(new TopicConfigManager(config(Map.of()), dir.resolve("slave"), clock).find("Orders"))
                .as("persisted")
                .isPresent();
        assertThat(notified).hasValue(1);

        Files.delete(dir.resolve("slave/topics.json"));
        assertThat(slave.replaceAll(master.snapshot())).isFalse();
        assertThat(dir.resolve("slave/topics.json")).as("not rewritten").doesNotExist();
        assertThat(notified).hasValue(1);
    }

    @Test
    void aTableWithoutVersionIsRefusedAndChangesNothing() {
        TopicConfigManager slave = new TopicConfigManager(config(Map.of()), dir, clock);
        TopicConfigSerializeWrapper before = slave.snapshot();

        assertThatThrownBy(() -> slave.replaceAll(new TopicConfigSerializeWrapper(Map.of(), null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(slave.snapshot()).isEqualTo(before);
    }

    private static BrokerConfig config(Map<String, String> entries) {
        return BrokerSettingsLoader.load(entries, Path.of("unused"), "127.0.0.1")
                .broker();
    }
}
