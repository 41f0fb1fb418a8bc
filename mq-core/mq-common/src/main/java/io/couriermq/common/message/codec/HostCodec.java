package io.couriermq.common.message.codec;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** Hosts as stored: 4-byte IPv4 or 16-byte IPv6 address, then the port as an int. */
public final class HostCodec {
    private HostCodec() {}

    public static boolean isIpv6(InetSocketAddress host) {
        return host.getAddress() instanceof Inet6Address;
    }

    /** Writes the host at the buffer's position and advances it. */
    public static void write(ByteBuffer target, InetSocketAddress host) {
        target.put(address(host).getAddress());
        target.putInt(host.getPort());
    }

    /** Reads a host at an absolute index without moving the buffer's position. */
    public static InetSocketAddress read(ByteBuffer source, int index, boolean ipv6) {
        byte[] address = new byte[ipv6 ? 16 : 4];
        source.get(index, address);
        int port = source.getInt(index + address.length);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of impossible length " + address.length, e);
        }
    }

    private static InetAddress address(InetSocketAddress host) {
        InetAddress address = host.getAddress();
        if (address == null) {
            throw new IllegalArgumentException("host is not resolved: " + host);
        }
        return address;
    }
}
