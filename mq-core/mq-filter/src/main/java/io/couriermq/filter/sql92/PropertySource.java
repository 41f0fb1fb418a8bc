package io.couriermq.filter.sql92;

/**
 * Where an expression reads a message's properties: the user properties plus the system ones the
 * message carries (TAGS, KEYS, ...). {@code null} means the message has no such property.
 */
@FunctionalInterface
public interface PropertySource {

    String get(String name);
}
