package io.couriermq.harness.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports chosen at run time: fixed ports (9876, 10911) may be taken on a shared machine. */
public final class FreePorts {

    private FreePorts() {}

    public static int any() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /**
     * A broker listen port P whose companion P-2 is free too: the official broker always opens its
     * "fast" remoting port at P-2, with no setting to move it.
     */
    public static int brokerListenPort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = any();
            if (port > 1026 && isFree(port) && isFree(port - 2)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair P, P-2 found");
    }

    static boolean isFree(int port) {
        // Wildcard bind: the strictest test, some official listeners bind 0.0.0.0.
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }
}
