package io.couriermq.remoting.rpc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/** Which processor, on which executor, handles each request code. */
public final class ProcessorRegistry {

    /** A processor and the executor it runs on. */
    public record Registration(RequestProcessor processor, ExecutorService executor) {}

    private final Map<Integer, Registration> byCode = new ConcurrentHashMap<>();

    public void register(int code, RequestProcessor processor, ExecutorService executor) {
        Registration previous = byCode.putIfAbsent(code, new Registration(processor, executor));
        if (previous != null) {
            throw new IllegalStateException("a processor is already registered for request code " + code);
        }
    }

    /** The registration for {@code code}, or null when no processor handles it. */
    public Registration lookup(int code) {
        return byCode.get(code);
    }
}
