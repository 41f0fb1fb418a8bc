package io.couriermq.spring.support;

import java.lang.reflect.Type;

/** Writes and reads JSON payloads with the application's JSON mapper (Jackson 3 or Jackson 2). */
public interface JsonCodec {

    byte[] write(Object value);

    /** Reads {@code json} as {@code type}, which may be generic ({@code List<Order>}). */
    Object read(byte[] json, Type type);
}
