package io.couriermq.console.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named series over one time axis, as the chart page polls them: {@code timesMs} oldest first and, per
 * series, one value (or null) per time.
 */
public record ChartSeries(List<Long> timesMs, Map<String, List<Double>> values) {

    public ChartSeries {
        timesMs = List.copyOf(timesMs);
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((name, column) -> copy.put(name, Collections.unmodifiableList(new ArrayList<>(column))));
        values = Collections.unmodifiableMap(copy);
    }
}
