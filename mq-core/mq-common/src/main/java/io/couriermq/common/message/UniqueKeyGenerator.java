package io.couriermq.common.message;

import io.couriermq.common.time.Clock;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Message ids (UNIQ_KEY) for producers, and for messages that arrive at a broker without one, in the client's format (remoting-protocol
 * §4.5): address, process id and a random instance part, then milliseconds since the start of the
 * month and a counter — 32 upper-case hex characters for IPv4.
 */
public final class UniqueKeyGenerator {
    private final String prefix;
    private final Clock clock;
    private final AtomicInteger counter = new AtomicInteger();

    public UniqueKeyGenerator(InetAddress address, Clock clock) {
        this.clock = clock;
        byte[] ip = address.getAddress();
        ByteBuffer fixed = ByteBuffer.allocate(ip.length + 2 + 4);
        fixed.put(ip);
        fixed.putShort((short) ProcessHandle.current().pid());
        fixed.putInt(ThreadLocalRandom.current().nextInt());
        this.prefix = HexFormat.of().withUpperCase().formatHex(fixed.array());
    }

    public String next() {
        long now = clock.millis();
        ZonedDateTime time = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC);
        long monthStart = time.withDayOfMonth(1)
                .toLocalDate()
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .toEpochMilli();
        ByteBuffer varying = ByteBuffer.allocate(6);
        varying.putInt((int) (now - monthStart));
        varying.putShort((short) counter.getAndIncrement());
        return prefix + HexFormat.of().withUpperCase().formatHex(varying.array());
    }
}
