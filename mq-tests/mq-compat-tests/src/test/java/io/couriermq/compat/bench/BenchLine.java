package io.couriermq.compat.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** One {@code RESULT key=value ...} line of the load generator, as printed and as fields. */
record BenchLine(String line, Map<String, String> fields) {

    static BenchLine parse(String line) {
        if (!line.startsWith("RESULT ")) {
            throw new IllegalArgumentException("not a RESULT line: " + line);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : line.substring("RESULT ".length()).strip().split(" +")) {
            String[] keyValue = pair.split("=", 2);
            if (keyValue.length == 2) {
                fields.put(keyValue[0], keyValue[1]);
            }
        }
        return new BenchLine(line, Map.copyOf(fields));
    }

    /** The numeric field {@code key} (tps, p99_ms, messages...); an error naming it when absent. */
    double number(String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalStateException("RESULT line has no " + key + ": " + line);
        }
        return Double.parseDouble(value);
    }
}
