package io.couriermq.test.junit;

import io.couriermq.test.EmbeddedCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5: one {@link EmbeddedCluster} per test class, started before the first test and closed
 * (directory deleted) after the last, also when a test fails.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedClusterExtension cluster =
 *         new EmbeddedClusterExtension(EmbeddedCluster.builder().brokers(2));
 *
 * &#64;Test
 * void sends() {
 *     cluster.get().createTopic("Orders", 4);
 * }
 * }</pre>
 */
public final class EmbeddedClusterExtension implements BeforeAllCallback, AfterAllCallback {
    private final EmbeddedCluster.Builder builder;
    private EmbeddedCluster cluster;

    public EmbeddedClusterExtension(EmbeddedCluster.Builder builder) {
        this.builder = builder;
    }

    public EmbeddedClusterExtension() {
        this(EmbeddedCluster.builder());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = builder.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** The running cluster; only between the class's first and last test. */
    public EmbeddedCluster get() {
        if (cluster == null) {
            throw new IllegalStateException("the embedded cluster runs only while the test class runs");
        }
        return cluster;
    }
}
