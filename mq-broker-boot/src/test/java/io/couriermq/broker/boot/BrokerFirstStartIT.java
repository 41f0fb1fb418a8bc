package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The broker and its NameServer start before the web server and actuator are built, and do not outlive an
 * application that fails to start after them.
 */
class BrokerFirstStartIT {
    @TempDir
    Path storeDir;

    @Test
    void theRocketMqPortsAcceptConnectionsBeforeTheContextIsRefreshed() throws IOException {
        int nameServerPort = freePort();
        int brokerPort = freePort();
        AtomicReference<String> seenBeforeRefresh = new AtomicReference<>();
        // prepared = bean definitions loaded, nothing refreshed: no web server, no actuator bean exists yet
        ApplicationListener<ApplicationPreparedEvent> probe = event ->
                seenBeforeRefresh.set("namesrv " + accepts(nameServerPort) + ", broker " + accepts(brokerPort));

        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(BrokerApplication.class)
                .listeners(probe)
                .run(BrokerArguments.translate(arguments(nameServerPort, brokerPort, 0)))) {
            assertThat(seenBeforeRefresh.get()).isEqualTo("namesrv accepts, broker accepts");
            assertThat(application.getBean(BrokerLifecycle.class).isRunning()).isTrue();
        }
        assertThat(accepts(brokerPort)).isEqualTo("refuses");
        assertThat(accepts(nameServerPort)).isEqualTo("refuses");
    }

    @Test
    void aWebPortThatIsTakenStopsTheBrokerAndNameServerThatAlreadyStarted() throws IOException {
        int nameServerPort = freePort();
        int brokerPort = freePort();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> BrokerApplication.run(arguments(nameServerPort, brokerPort, taken.getLocalPort())))
                    .isInstanceOf(RuntimeException.class);
        }

        assertThat(accepts(brokerPort)).isEqualTo("refuses");
        assertThat(accepts(nameServerPort)).isEqualTo("refuses");
        try (ServerSocket again = new ServerSocket(brokerPort, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(brokerPort);
        }
    }

    private String[] arguments(int nameServerPort, int brokerPort, int webPort) {
        return new String[] {
            "--standalone",
            "--server.port=" + webPort,
            "--server.address=127.0.0.1",
            "--courier.namesrv.listen-port=" + nameServerPort,
            "--courier.namesrv.bind-address=127.0.0.1",
            "--courier.broker.listenPort=" + brokerPort,
            "--courier.broker.brokerIP1=127.0.0.1",
            "--courier.broker.bindAddress=127.0.0.1",
            "--courier.broker.mapped-file-size-commit-log=8388608",
            "--courier.broker.storePathRootDir=" + storeDir
        };
    }

    private static String accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            return "accepts";
        } catch (IOException refused) {
            return "refuses";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
