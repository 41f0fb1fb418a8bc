package io.couriermq.common.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of valid inputs, so generated inputs get past the first length or magic check: bit flips,
 * interesting values over bytes and ints (0, -1, extremes, the input's own length), cut, inserted,
 * duplicated and deleted ranges. Applies one to a few mutations per call.
 */
public final class Mutator {
    private static final int[] INTERESTING_INTS = {
        0,
        1,
        -1,
        2,
        3,
        4,
        7,
        8,
        16,
        127,
        128,
        255,
        256,
        0x7FFF,
        0x8000,
        0xFFFF,
        0x10000,
        0xFFFFFF,
        0x1000000,
        Integer.MAX_VALUE,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE - 1
    };
    private static final byte[] INTERESTING_BYTES = {0, 1, -1, 0x7F, (byte) 0x80, '"', '{', '}', '\\', 1, 2};

    private Mutator() {}

    /** {@code valid} with one to four random mutations; {@code valid} itself is not changed. */
    public static byte[] mutate(byte[] valid, SplittableRandom random) {
        byte[] bytes = valid.clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            bytes = mutateOnce(bytes, random);
        }
        return bytes;
    }

    /** Random bytes, mostly short, sometimes up to {@code maxLength}. */
    public static byte[] randomBytes(SplittableRandom random, int maxLength) {
        int length =
                random.nextInt(8) == 0 ? random.nextInt(maxLength + 1) : random.nextInt(Math.min(64, maxLength) + 1);
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One of {@code valid}, mutated, or (one time in ten) random bytes up to {@code maxRandomLength}. */
    public static byte[] mutateOneOf(List<byte[]> valid, SplittableRandom random, int maxRandomLength) {
        if (random.nextInt(10) == 0) {
            return randomBytes(random, maxRandomLength);
        }
        return mutate(valid.get(random.nextInt(valid.size())), random);
    }

    private static byte[] mutateOnce(byte[] bytes, SplittableRandom random) {
        int length = bytes.length;
        switch (random.nextInt(8)) {
            case 0 -> {
                if (length > 0) {
                    bytes[random.nextInt(length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                if (length > 0) {
                    bytes[random.nextInt(length)] = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
                }
            }
            case 2 -> {
                if (length >= 4) {
                    int at = random.nextInt(length - 3);
                    int value = random.nextBoolean()
                            ? INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)]
                            : length - at + random.nextInt(-4, 5);
                    writeInt(bytes, at, value);
                }
            }
            case 3 -> {
                if (length >= 2) {
                    int at = random.nextInt(length - 1);
                    int value = INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)];
                    bytes[at] = (byte) (value >>> 8);
                    bytes[at + 1] = (byte) value;
                }
            }
            case 4 -> {
                return Arrays.copyOf(bytes, random.nextInt(length + 1));
            }
            case 5 -> {
                return splice(bytes, random.nextInt(length + 1), randomBytes(random, 16));
            }
            case 6 -> {
                if (length > 0) {
                    int from = random.nextInt(length);
                    int to = from + random.nextInt(length - from) + 1;
                    return splice(bytes, random.nextInt(length + 1), Arrays.copyOfRange(bytes, from, to));
                }
            }
            default -> {
                if (length > 0) {
                    int from = random.nextInt(length);
                    int to = from + random.nextInt(length - from) + 1;
                    byte[] shorter = new byte[length - (to - from)];
                    System.arraycopy(bytes, 0, shorter, 0, from);
                    System.arraycopy(bytes, to, shorter, from, length - to);
                    return shorter;
                }
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
        byte[] longer = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, longer, 0, at);
        System.arraycopy(inserted, 0, longer, at, inserted.length);
        System.arraycopy(bytes, at, longer, at + inserted.length, bytes.length - at);
        return longer;
    }

    private static void writeInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
