package io.couriermq.remoting.netty;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.testing.Bytes;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/** A plain java.net socket speaking (or not speaking) the protocol byte by byte, as a foreign peer would. */
final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;

    RawConnection(int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 3_000);
            socket.setSoTimeout(5_000);
            in = new DataInputStream(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next whole frame, length field included. Fails if none arrives within 5 s. */
    byte[] readFrame() {
        try {
            int length = in.readInt();
            byte[] frame = new byte[4 + length];
            ByteBuffer.wrap(frame).putInt(length);
            in.readFully(frame, 4, length);
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RemotingCommand readCommand() {
        return Bytes.decode(readFrame());
    }

    /** True when the peer closed the connection (EOF or reset) within 5 s; false when it stayed silent. */
    boolean closedByPeer() {
        try {
            return in.read() == -1;
        } catch (EOFException | SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
