package io.couriermq.console.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last {@code capacity} samples of a set of named series that share one time axis: a bounded ring,
 * so memory stays fixed however long the console runs. A series first seen late, or missing from a
 * sample, has no value (null) at those times.
 */
public final class SampleRing {
    private final int capacity;
    private final long[] timesMs;
    private final Map<String, Double[]> series = new LinkedHashMap<>();
    private int next;
    private int size;

    public SampleRing(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a ring needs at least 2 slots, got " + capacity);
        }
        this.capacity = capacity;
        this.timesMs = new long[capacity];
    }

    /** Adds one sample taken at {@code timeMs}; the oldest is dropped once the ring is full. */
    public synchronized void add(long timeMs, Map<String, Double> values) {
        timesMs[next] = timeMs;
        for (Double[] column : series.values()) {
            column[next] = null;
        }
        values.forEach((name, value) -> series.computeIfAbsent(name, key -> new Double[capacity])[next] = value);
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
        series.values().removeIf(SampleRing::empty);
    }

    /** The samples held, oldest first. */
    public synchronized ChartSeries snapshot() {
        int start = (next - size + capacity) % capacity;
        List<Long> times = new ArrayList<>(size);
        Map<String, List<Double>> values = new LinkedHashMap<>();
        series.keySet().forEach(name -> values.put(name, new ArrayList<>(size)));
        for (int i = 0; i < size; i++) {
            int slot = (start + i) % capacity;
            times.add(timesMs[slot]);
            series.forEach((name, column) -> values.get(name).add(column[slot]));
        }
        return new ChartSeries(times, values);
    }

    public synchronized int size() {
        return size;
    }

    private static boolean empty(Double[] column) {
        return Arrays.stream(column).allMatch(value -> value == null);
    }
}
