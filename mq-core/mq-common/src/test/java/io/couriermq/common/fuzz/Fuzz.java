package io.couriermq.common.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A seeded generative test runner: feeds a target many generated inputs and fails on the first one that
 * throws anything but the target's documented exceptions, allocates more heap than its bound allows, or
 * does not finish. jqwik 1.10.1 did not run its properties under this build's JUnit 6 platform and Jazzer
 * is not served, so this small runner stands in for both.
 *
 * <p>System properties: {@code fuzz.inputs} (inputs per target; each test passes its default, the
 * {@code fuzz} profile raises it), {@code fuzz.seed} (replays a run; otherwise a fresh seed is drawn and
 * logged, and every failure names it), {@code fuzz.batchTimeoutSeconds} (the bound per batch of {@value
 * #BATCH} inputs, default 60: a hang fails the batch instead of the build timing out).
 */
public final class Fuzz<T> {
    private static final int BATCH = 1_000;
    private static final int MAX_DESCRIPTION = 4_000;
    /** What any input may allocate besides its proportional share: parser state, exception stack traces. */
    private static final long ALLOCATION_BASE_BYTES = 1 << 20;
    /** Inputs whose allocation is not bounded: the first calls load classes and fill caches. */
    private static final int WARM_UP_INPUTS = 100;

    private final String target;
    private final Function<SplittableRandom, T> generator;
    private List<Class<? extends Throwable>> expected = List.of();
    private ToLongFunction<T> inputBytes = input -> 0;
    private long bytesPerInputByte = 8;
    private Function<T, String> describer = Fuzz::describe;
    private Duration batchTimeout = Duration.ofSeconds(Long.getLong("fuzz.batchTimeoutSeconds", 60));

    /** The input being run, for the report of a batch that does not finish. */
    private volatile Current<T> current = new Current<>(-1, null);

    private record Current<T>(int index, T input) {}

    private Fuzz(String target, Function<SplittableRandom, T> generator) {
        this.target = target;
        this.generator = generator;
    }

    /** A fuzz run of {@code target} over inputs from {@code generator}. */
    public static <T> Fuzz<T> of(String target, Function<SplittableRandom, T> generator) {
        return new Fuzz<>(target, generator);
    }

    /** The exceptions the target documents for bad input; any other one fails the run. */
    @SafeVarargs
    public final Fuzz<T> expecting(Class<? extends Throwable>... documented) {
        this.expected = List.of(documented);
        return this;
    }

    /**
     * Bounds the heap the target may allocate for one input: {@value #ALLOCATION_BASE_BYTES} bytes plus
     * {@code perByte} times the input's size, so a length field that is believed before it is checked
     * (a 16 MiB array for a 40-byte input) fails the run.
     */
    public Fuzz<T> allocationBound(ToLongFunction<T> sizeOfInput, long perByte) {
        this.inputBytes = sizeOfInput;
        this.bytesPerInputByte = perByte;
        return this;
    }

    /** The bound per batch of {@value #BATCH} inputs; {@code -Dfuzz.batchTimeoutSeconds} by default. */
    public Fuzz<T> batchTimeout(Duration timeout) {
        this.batchTimeout = timeout;
        return this;
    }

    public Fuzz<T> describedBy(Function<T, String> describer) {
        this.describer = describer;
        return this;
    }

    /** Runs {@code inputs} inputs (or {@code -Dfuzz.inputs}) through {@code body}. */
    public void run(int inputs, Consumer<T> body) {
        int count = Integer.getInteger("fuzz.inputs", inputs);
        long seed = Long.getLong("fuzz.seed", new SplittableRandom().nextLong());
        // on standard output, not the log: the modules' test logs show warnings only, and the seed must show
        System.out.printf("fuzz %s: %d inputs, seed %d (replay with -Dfuzz.seed=%d)%n", target, count, seed, seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int first = 0; first < count; first += BATCH) {
            int from = first;
            int to = Math.min(count, first + BATCH);
            assertTimeoutPreemptively(
                    batchTimeout,
                    () -> runBatch(random, from, to, seed, body),
                    () -> failure(current.index(), seed, current.input(), "did not finish within " + batchTimeout));
        }
    }

    private void runBatch(SplittableRandom random, int from, int to, long seed, Consumer<T> body) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int index = from; index < to; index++) {
            T input = generator.apply(random);
            current = new Current<>(index, input);
            long allocated = runOne(threads, index, seed, input, body);
            long bound = ALLOCATION_BASE_BYTES + bytesPerInputByte * inputBytes.applyAsLong(input);
            // the first input to reach a lazily initialised path (a JSON mapper, a TLS provider) pays for it
            // once; a length believed before it is checked allocates again on the same input
            if (index >= WARM_UP_INPUTS && allocated > bound && runOne(threads, index, seed, input, body) > bound) {
                throw new AssertionError(
                        failure(index, seed, input, "allocated " + allocated + " bytes twice, bound " + bound));
            }
        }
    }

    /** Runs one input; returns the heap it allocated. */
    private long runOne(com.sun.management.ThreadMXBean threads, int index, long seed, T input, Consumer<T> body) {
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            body.accept(input);
        } catch (Throwable e) {
            if (!isExpected(e)) {
                throw new AssertionError(failure(index, seed, input, "threw " + e), e);
            }
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private boolean isExpected(Throwable e) {
        return expected.stream().anyMatch(type -> type.isInstance(e));
    }

    private String failure(int index, long seed, T input, String what) {
        return target + ": input " + index + " of seed " + seed + " " + what + "\ninput: " + describer.apply(input);
    }

    /** A string as a Java literal, so an input with odd characters can be pasted into a regression test. */
    private static String javaLiteral(String text) {
        StringBuilder literal = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                literal.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F) {
                literal.append((char) c);
            } else {
                literal.append(String.format("\\u%04x", c));
            }
        });
        return literal.append('"').toString();
    }

    private static String describe(Object input) {
        String text = input instanceof byte[] bytes
                ? bytes.length + " bytes " + HexFormat.of().formatHex(bytes)
                : input instanceof String string ? javaLiteral(string) : Objects.toString(input);
        // a 500 KB input would drown the report; the seed replays it whole
        return text.length() <= MAX_DESCRIPTION
                ? text
                : text.substring(0, MAX_DESCRIPTION) + "... (" + text.length() + " characters)";
    }
}
