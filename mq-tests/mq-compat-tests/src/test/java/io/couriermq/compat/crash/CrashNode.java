package io.couriermq.compat.crash;

import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.CourierStandaloneNode;
import io.couriermq.harness.process.NameServer;
import io.couriermq.harness.process.OfficialBroker;
import io.couriermq.harness.process.ServerKind;
import java.nio.file.Path;

/**
 * The node BrokerCrashIT kills: our broker jar standalone (NameServer and broker in one process, both
 * killed), or, with {@code -Dcompat.broker=official}, Apache RocketMQ 5.2.0's broker beside a NameServer
 * process of its own (only the broker is killed), so the test's expectations are checked against the
 * broker they were taken from.
 */
public interface CrashNode extends AutoCloseable {

    /** The broker process: its pid to kill, its restart on the same store. */
    Broker broker();

    String nameServerAddress();

    /** The broker's store directory, watched for the moments the kills are aimed at. */
    Path storeDir();

    @Override
    void close();

    /** The kind {@code compat.broker} selects, with its files under {@code dir}. */
    static CrashNode startSelected(Path dir, Broker.Settings settings) {
        if (ServerKind.selected(Broker.KIND_PROPERTY) == ServerKind.OFFICIAL) {
            NameServer nameServer = NameServer.start(ServerKind.OFFICIAL, dir.resolve("namesrv"));
            try {
                OfficialBroker broker = OfficialBroker.start(nameServer.address(), dir.resolve("broker"), settings);
                return new Separate(nameServer, broker, dir.resolve("broker").resolve("store"));
            } catch (RuntimeException e) {
                nameServer.close();
                throw e;
            }
        }
        CourierStandaloneNode node = CourierStandaloneNode.start(dir, settings);
        return new Standalone(node);
    }

    /** Ours: one process. */
    record Standalone(CourierStandaloneNode node) implements CrashNode {
        @Override
        public Broker broker() {
            return node;
        }

        @Override
        public String nameServerAddress() {
            return node.nameServerAddress();
        }

        @Override
        public Path storeDir() {
            return node.storeDir();
        }

        @Override
        public void close() {
            node.close();
        }
    }

    /** Apache RocketMQ's: a NameServer process that stays up while its broker is killed and restarted. */
    record Separate(NameServer nameServer, Broker broker, Path storeDir) implements CrashNode {
        @Override
        public String nameServerAddress() {
            return nameServer.address();
        }

        @Override
        public void close() {
            try {
                broker.close();
            } finally {
                nameServer.close();
            }
        }
    }
}
