package io.couriermq.compat.fuzz;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.couriermq.harness.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A server process's heap, direct memory and threads, read over JMX from the JVM itself: the test attaches to
 * the process (the JDK's attach API, as jcmd does) and starts its local management agent, then forces a full
 * GC before every sample ({@code MemoryMXBean.gc()}, i.e. System.gc(): a full collection with the servers'
 * Serial GC). These are the platform MXBeans the boot apps' actuator meters read ({@code jvm.memory.used},
 * {@code jvm.buffer.memory.used{id=direct}}, {@code jvm.threads.live}), without needing their HTTP port.
 * Direct memory counts Netty's buffers: on Java 17 without {@code --add-opens java.base/java.nio} Netty cannot
 * use its cleaner-less direct buffers and allocates through {@code ByteBuffer.allocateDirect}.
 *
 * <p>Attaching starts the agent's own threads in the server (RMI, JMX), so take the baseline after the first
 * attach, with the same connection kept open until the last sample.
 */
final class ServerFootprint implements AutoCloseable {
    private final String name;
    private final JMXConnector connector;
    private final MemoryMXBean memory;
    private final BufferPoolMXBean direct;
    private final ThreadMXBean threads;

    private ServerFootprint(String name, JMXConnector connector, MBeanServerConnection server) throws IOException {
        this.name = name;
        this.connector = connector;
        this.memory = ManagementFactory.newPlatformMXBeanProxy(
                server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        this.threads = ManagementFactory.newPlatformMXBeanProxy(
                server, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
        this.direct = ManagementFactory.getPlatformMXBeans(server, BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " has no 'direct' buffer pool MXBean"));
    }

    /** Attaches to {@code process} and connects to its (newly started) local JMX agent. */
    static ServerFootprint attach(ManagedProcess process) {
        String pid = Long.toString(process.pid());
        try {
            VirtualMachine vm = VirtualMachine.attach(pid);
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return new ServerFootprint(process.name(), connector, connector.getMBeanServerConnection());
        } catch (AttachNotSupportedException | IOException e) {
            throw new IllegalStateException(
                    "cannot read the memory of " + process.name() + " (pid " + pid + ") over JMX: attaching to it"
                            + " failed (same user? a JDK, not a JRE, running the test?)",
                    e);
        }
    }

    /** Forces a full GC, then reads heap used, direct buffer memory used and live threads. */
    Sample afterFullGc() {
        memory.gc();
        return new Sample(memory.getHeapMemoryUsage().getUsed(), direct.getMemoryUsed(), threads.getThreadCount());
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the JMX connection to " + name, e);
        }
    }

    /** One reading after a full GC. */
    record Sample(long heapUsedBytes, long directBytes, int threads) {
        @Override
        public String toString() {
            return "heap " + mib(heapUsedBytes) + ", direct " + mib(directBytes) + ", " + threads + " threads";
        }
    }

    /**
     * How far a sample after the fuzzer may lie above the baseline before it counts as a leak.
     *
     * @param heapBytes heap used after a full GC
     * @param directBytes direct buffer memory used
     * @param threads live threads
     */
    record Slack(long heapBytes, long directBytes, int threads) {
        /** What of {@code now} lies beyond {@code baseline} plus this slack; empty when nothing does. */
        List<String> exceeded(Sample baseline, Sample now) {
            List<String> over = new ArrayList<>();
            if (now.heapUsedBytes() > baseline.heapUsedBytes() + heapBytes) {
                over.add("heap after GC " + mib(now.heapUsedBytes()) + " > baseline " + mib(baseline.heapUsedBytes())
                        + " + " + mib(heapBytes));
            }
            if (now.directBytes() > baseline.directBytes() + directBytes) {
                over.add("direct memory " + mib(now.directBytes()) + " > baseline " + mib(baseline.directBytes())
                        + " + " + mib(directBytes));
            }
            if (now.threads() > baseline.threads() + threads) {
                over.add("threads " + now.threads() + " > baseline " + baseline.threads() + " + " + threads);
            }
            return over;
        }
    }

    static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
