package io.couriermq.compat.crash;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The body of a crash-test message: {@code key|filler|crc32(key|filler)}, its length (64 to 1563 filler
 * bytes) derived from the key so segment rolls fall at varied places. Received bodies are checked twice:
 * their own checksum, and the CRC32 and length of the whole body the sender recorded.
 * src/test/resources/crash/CourierCrashProducer.java builds the same bodies for our producer.
 */
public final class CrashBody {
    private CrashBody() {}

    public static byte[] of(String key) {
        long state = key.hashCode() * 0x9E3779B97F4A7C15L;
        int length = 64 + (int) Math.floorMod(state, 1500L);
        StringBuilder filler = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            filler.append((char) ('a' + Math.floorMod(state >>> 33, 26L)));
        }
        String content = key + "|" + filler;
        return (content + "|" + crc(content.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code body} starts with {@code key} and carries the checksum of what precedes it. */
    public static boolean selfConsistent(String key, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int last = text.lastIndexOf('|');
        if (!text.startsWith(key + "|") || last <= key.length()) {
            return false;
        }
        String content = text.substring(0, last);
        return text.substring(last + 1).equals(Long.toString(crc(content.getBytes(StandardCharsets.UTF_8))));
    }

    public static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
