package io.couriermq.common.message.codec;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The broker message id, offsetMsgId (remoting-protocol §4.4): uppercase hex of store host address, store
 * port (int) and commit-log offset (long); 32 characters for IPv4, 56 for IPv6.
 */
public record MessageId(InetSocketAddress storeHost, long commitLogOffset) {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final int IPV4_TEXT_LENGTH = 32;
    private static final int IPV6_TEXT_LENGTH = 56;

    public String encode() {
        boolean ipv6 = HostCodec.isIpv6(storeHost);
        ByteBuffer bytes =
                ByteBuffer.allocate((ipv6 ? RecordLayout.IPV6_HOST_BYTES : RecordLayout.IPV4_HOST_BYTES) + 8);
        HostCodec.write(bytes, storeHost);
        bytes.putLong(commitLogOffset);
        return HEX.formatHex(bytes.array());
    }

    public static String encode(InetSocketAddress storeHost, long commitLogOffset) {
        return new MessageId(storeHost, commitLogOffset).encode();
    }

    public static MessageId decode(String text) {
        if (text.length() != IPV4_TEXT_LENGTH && text.length() != IPV6_TEXT_LENGTH) {
            throw new MalformedRecordException("offsetMsgId must have 32 or 56 hex characters: " + text);
        }
        byte[] bytes;
        try {
            bytes = HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("offsetMsgId is not hex: " + text);
        }
        int addressBytes = text.length() == IPV4_TEXT_LENGTH ? 4 : 16;
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] address = new byte[addressBytes];
        in.get(address);
        int port = in.getInt();
        if (port < 0 || port > 0xFFFF) {
            // a producer's unique key (also 32 hex characters) usually lands here: say so, do not crash
            throw new MalformedRecordException("offsetMsgId has a port out of range (" + port + "): " + text);
        }
        try {
            return new MessageId(new InetSocketAddress(InetAddress.getByAddress(address), port), in.getLong());
        } catch (UnknownHostException e) {
            throw new MalformedRecordException("offsetMsgId has a bad address: " + text);
        }
    }
}
