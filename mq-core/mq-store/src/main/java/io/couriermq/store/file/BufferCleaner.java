package io.couriermq.store.file;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.MappedByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unmaps a mapped buffer now instead of when the garbage collector gets to it, so deleted segments give
 * their disk space back at once. Java 17 has no public API for this; {@code sun.misc.Unsafe.invokeCleaner}
 * (module jdk.unsupported) is the supported escape hatch. When it is unavailable we fall back to the GC.
 *
 * <p>Touching a buffer after it was cleaned crashes the JVM, so callers clean only after the last
 * reference is released (see {@link MappedFile}).
 */
final class BufferCleaner {
    private static final Logger log = LoggerFactory.getLogger(BufferCleaner.class);
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method invokeCleaner = null;
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            invokeCleaner = unsafeClass.getMethod("invokeCleaner", java.nio.ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("cannot unmap buffers eagerly ({}); unmapping is left to the garbage collector", e.toString());
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = invokeCleaner;
    }

    private BufferCleaner() {}

    static void clean(MappedByteBuffer buffer) {
        if (INVOKE_CLEANER == null || buffer == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("cannot unmap a buffer: {}", e.toString());
        }
    }
}
