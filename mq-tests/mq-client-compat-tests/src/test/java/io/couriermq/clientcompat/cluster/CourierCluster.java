package io.couriermq.clientcompat.cluster;

import io.couriermq.test.EmbeddedCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** CourierMQ: mq-test's {@link EmbeddedCluster}, real NameServer and brokers in this JVM. */
public final class CourierCluster implements ClusterUnderTest {
    private final EmbeddedCluster cluster;

    private CourierCluster(EmbeddedCluster cluster) {
        this.cluster = cluster;
    }

    static CourierCluster start(int brokers, Path dir, Map<String, String> brokerSettings) {
        return start(brokers, dir, brokerSettings, null);
    }

    /** With {@code plainAcl} (null: none) as every broker's accounts file, written under {@code dir}. */
    static CourierCluster start(int brokers, Path dir, Map<String, String> brokerSettings, String plainAcl) {
        EmbeddedCluster.Builder builder = EmbeddedCluster.builder()
                .brokers(brokers)
                .brokerSettings(brokerSettings)
                .parentDirectory(dir);
        if (plainAcl != null) {
            Path file = dir.resolve("conf").resolve("plain_acl.yml");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, plainAcl);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            builder.aclAccountsFile(file);
        }
        return new CourierCluster(builder.start());
    }

    /** The embedded cluster itself, for scenarios that look inside our broker. */
    public EmbeddedCluster embedded() {
        return cluster;
    }

    @Override
    public String description() {
        return "CourierMQ (embedded)";
    }

    @Override
    public String nameServerAddress() {
        return cluster.nameServerAddress();
    }

    @Override
    public List<String> brokerNames() {
        return cluster.brokerNames();
    }

    @Override
    public String brokerAddress(String brokerName) {
        return cluster.brokerAddress(brokerName);
    }

    @Override
    public void createTopic(String topic, int queuesPerBroker) {
        cluster.createTopic(topic, queuesPerBroker);
    }

    @Override
    public void stopBroker(String brokerName) {
        cluster.stopBroker(brokerName);
    }

    @Override
    public void crashBroker(String brokerName) {
        cluster.crashBroker(brokerName);
    }

    @Override
    public void restartBroker(String brokerName) {
        cluster.restartBroker(brokerName);
    }

    @Override
    public void close() {
        cluster.close();
    }

    @Override
    public String toString() {
        return description();
    }
}
