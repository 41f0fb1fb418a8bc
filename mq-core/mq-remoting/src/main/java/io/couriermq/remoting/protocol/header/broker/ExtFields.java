package io.couriermq.remoting.protocol.header.broker;

import java.util.Map;

/** Writing side of the ext-field rules (§1.7): a value is its {@code String.valueOf}, a null is left out. */
final class ExtFields {
    private ExtFields() {}

    static void put(Map<String, String> extFields, String key, Object value) {
        if (value != null) {
            extFields.put(key, String.valueOf(value));
        }
    }
}
