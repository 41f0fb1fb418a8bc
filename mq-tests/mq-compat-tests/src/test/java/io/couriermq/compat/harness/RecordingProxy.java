package io.couriermq.compat.harness;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.remoting.exception.RemotingCommandException;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * A TCP proxy in front of a server that forwards remoting frames unchanged and records each one,
 * decoded with the official codec. It shows what actually went over the wire: which request codes,
 * which serialize type, which header keys.
 */
public final class RecordingProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private RecordingProxy(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
    }

    /** Starts a proxy on a free loopback port, forwarding to {@code host:port}. */
    public static RecordingProxy start(String targetAddress) {
        String[] hostPort = targetAddress.split(":");
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            RecordingProxy proxy =
                    new RecordingProxy(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), listener);
            daemon("proxy-accept-" + listener.getLocalPort(), proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String address() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** Every frame seen so far, in arrival order. */
    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, 3_000);
                sockets.add(client);
                sockets.add(server);
                int id = connections.incrementAndGet();
                Map<Integer, Integer> requestCodeByOpaque = new ConcurrentHashMap<>();
                daemon("proxy-up-" + id, () -> pump(id, Direction.TO_SERVER, client, server, requestCodeByOpaque));
                daemon("proxy-down-" + id, () -> pump(id, Direction.TO_CLIENT, server, client, requestCodeByOpaque));
            } catch (IOException e) {
                // Listener closed, or the target refused: the client sees its connection drop.
            }
        }
    }

    private void pump(int connection, Direction direction, Socket from, Socket to, Map<Integer, Integer> codes) {
        try (DataInputStream in = new DataInputStream(from.getInputStream());
                DataOutputStream out = new DataOutputStream(to.getOutputStream())) {
            while (true) {
                int length = in.readInt();
                byte[] frame = new byte[length];
                in.readFully(frame);
                out.writeInt(length);
                out.write(frame);
                out.flush();
                frames.add(Frame.decode(connection, direction, frame, codes));
            }
        } catch (EOFException | SocketException e) {
            // Peer closed: close the other side too, so each end sees what a direct connection shows.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(RecordingProxy::closeQuietly);
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is best effort.
        }
    }

    public enum Direction {
        TO_SERVER,
        TO_CLIENT
    }

    /**
     * One frame. {@code serializeType} is the high byte of the header-length field (0 = JSON,
     * 1 = ROCKETMQ); for a response {@code requestCode} is the code of the request it answers.
     */
    public record Frame(
            int connection,
            Direction direction,
            int serializeType,
            int code,
            int requestCode,
            boolean response,
            boolean oneway,
            int opaque,
            int version,
            String remark,
            Map<String, String> extFields,
            int bodyLength,
            byte[] body) {

        static Frame decode(int connection, Direction direction, byte[] frame, Map<Integer, Integer> codes) {
            int serializeType = frame[0] & 0xFF;
            RemotingCommand command;
            try {
                command = RemotingCommand.decode(ByteBuffer.wrap(frame));
            } catch (RemotingCommandException | RuntimeException e) {
                // Still forwarded; recorded so a test can see that the official codec rejects it.
                return new Frame(
                        connection,
                        direction,
                        serializeType,
                        -1,
                        -1,
                        false,
                        false,
                        -1,
                        -1,
                        e.toString(),
                        Map.of(),
                        frame.length,
                        frame);
            }
            boolean response = command.isResponseType();
            int requestCode;
            if (response) {
                requestCode = codes.getOrDefault(command.getOpaque(), -1);
            } else {
                requestCode = command.getCode();
                codes.put(command.getOpaque(), command.getCode());
            }
            byte[] body = command.getBody() == null ? new byte[0] : command.getBody();
            return new Frame(
                    connection,
                    direction,
                    serializeType,
                    command.getCode(),
                    requestCode,
                    response,
                    command.isOnewayRPC(),
                    command.getOpaque(),
                    command.getVersion(),
                    command.getRemark(),
                    command.getExtFields() == null
                            ? Map.of()
                            : Collections.unmodifiableMap(new HashMap<>(command.getExtFields())),
                    body.length,
                    body);
        }
    }
}
