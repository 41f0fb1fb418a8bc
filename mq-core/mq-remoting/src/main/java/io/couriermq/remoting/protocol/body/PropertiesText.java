package io.couriermq.remoting.protocol.body;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The properties-text bodies of the configuration codes (GET/UPDATE_BROKER_CONFIG, GET/UPDATE_NAMESRV_CONFIG):
 * {@code key=value} lines sorted by key, as RocketMQ's {@code MixAll.properties2String(properties, true)}
 * writes them, read back with {@link Properties}' rules (comments, escapes, {@code :} separators).
 */
public final class PropertiesText {
    private PropertiesText() {}

    /** One {@code key=value} line per entry, sorted by key; entries with a null value are left out. */
    public static byte[] encode(Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(entries).forEach((key, value) -> {
            if (value != null) {
                text.append(key).append('=').append(value).append('\n');
            }
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The entries of a properties body, in key order; an empty or absent body has none. */
    public static Map<String, String> decode(byte[] body) {
        Map<String, String> entries = new TreeMap<>();
        if (body == null || body.length == 0) {
            return entries;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(body, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed \\uXXXX escape
            throw new IllegalArgumentException("not a properties text: " + e.getMessage(), e);
        }
        properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key)));
        return entries;
    }
}
