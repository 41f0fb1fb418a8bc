package io.couriermq.remoting.protocol.header;

import java.util.Map;

/**
 * A typed custom header. Each implementation writes its own fields under their wire names (the Java
 * field names of the official header classes) and offers a static {@code decode(HeaderFields)}; no
 * reflection is involved in either direction.
 */
public interface CommandHeader {

    /** Writes every non-null field as a string; primitives are always written. */
    void writeTo(Map<String, String> extFields);
}
