package io.couriermq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.time.Clock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bindAddress} in broker.conf: the remoting port, the fast channel and the HA port all listen on
 * that address only. The broker is bound to 127.0.0.1 and is refused on another address of this machine;
 * a machine with only loopback has no other address, so there it is bound to 127.0.0.2 (Linux routes all
 * of 127/8 to lo) and 127.0.0.1 is the other address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BindAddressIT {
    @TempDir
    static Path storeDir;

    private String bound;
    private String other;
    private Broker broker;

    @BeforeAll
    void start() throws SocketException {
        Optional<String> external = nonLoopbackIpv4();
        bound = external.isPresent() ? "127.0.0.1" : "127.0.0.2";
        other = external.orElse("127.0.0.1");
        broker = new Broker(
                BrokerSettingsLoader.load(
                        Map.of(
                                "listenPort",
                                "0",
                                "bindAddress",
                                bound,
                                "mappedFileSizeCommitLog",
                                String.valueOf(8 << 20)),
                        storeDir,
                        bound),
                Clock.system());
        broker.start();
    }

    @AfterAll
    void stop() {
        if (broker != null) {
            broker.shutdown();
        }
    }

    @Test
    void everyPortAnswersOnTheBoundAddressOnly() throws IOException {
        for (int port : new int[] {broker.listenPort(), broker.fastListenPort(), broker.haListenPort()}) {
            assertThat(port).isPositive();
            try (Socket socket = connect(bound, port)) {
                assertThat(socket.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> connect(other, port).close())
                    .as("port %d on %s", port, other)
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void theRegisteredAddressIsStillBrokerIp1() {
        assertThat(broker.runtimeConfig().properties())
                .containsEntry("bindAddress", bound)
                .containsEntry("brokerIP1", bound);
    }

    private static Socket connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static Optional<String> nonLoopbackIpv4() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .map(InetAddress::getHostAddress)
                .findFirst();
    }
}
