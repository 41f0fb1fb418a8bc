package io.couriermq.broker.boot;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/**
 * The address a broker registers when brokerIP1 is not configured: the first site-local IPv4 address
 * of an interface that is up, as RocketMQ picks it, else loopback (a laptop without a network).
 */
final class LocalAddress {
    static final String LOOPBACK = "127.0.0.1";

    private LocalAddress() {}

    static String firstSiteLocalIpv4() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                Optional<String> address = siteLocalIpv4(nic);
                if (address.isPresent()) {
                    return address.get();
                }
            }
        } catch (SocketException e) {
            // No interface list at all: loopback still lets clients on this machine connect.
            return LOOPBACK;
        }
        return LOOPBACK;
    }

    private static Optional<String> siteLocalIpv4(NetworkInterface nic) throws SocketException {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
            return Optional.empty();
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
            if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                return Optional.of(address.getHostAddress());
            }
        }
        return Optional.empty();
    }
}
