package io.couriermq.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.testing.LocalCluster;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The port limits from broker.conf reach both client ports (the limits themselves: ServerLimitsIT). */
class BrokerLimitsIT {
    @TempDir
    Path storeDir;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void maxConnectionsPerAddressHoldsOnTheClientAndTheFastPort() throws IOException {
        Broker broker = cluster.startBroker(
                storeDir, Map.of("mappedFileSizeCommitLog", String.valueOf(8 << 20), "maxConnectionsPerAddress", "2"));

        for (int port : List.of(broker.listenPort(), broker.fastListenPort())) {
            assertThat(staysOpen(port)).isTrue();
            assertThat(staysOpen(port)).isTrue();
            assertThat(staysOpen(port))
                    .as("a 3rd connection from 127.0.0.1 to port " + port)
                    .isFalse();
        }
    }

    /** Connects, and reports whether the broker left the connection open for half a second. */
    private boolean staysOpen(int port) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 3_000);
        socket.setSoTimeout(500);
        try {
            return socket.getInputStream().read() != -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return true;
        } catch (IOException reset) {
            return false;
        }
    }
}
