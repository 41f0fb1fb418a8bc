package io.couriermq.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses every console write (they are all POSTs) while {@link ConsoleWrites} says they are off, before
 * any controller runs; {@link ConsoleAdvice} answers 403 with how to enable them.
 */
public final class ConsoleWriteGuard implements HandlerInterceptor {
    private final ConsoleWrites writes;

    public ConsoleWriteGuard(ConsoleWrites writes) {
        this.writes = writes;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!writes.allowed()
                && !"GET".equalsIgnoreCase(request.getMethod())
                && !"HEAD".equalsIgnoreCase(request.getMethod())) {
            throw new WritesDisabledException();
        }
        return true;
    }

    /** A write asked for while writes are off. */
    public static final class WritesDisabledException extends RuntimeException {
        WritesDisabledException() {
            super(ConsoleWrites.HOW_TO_ENABLE);
        }
    }
}
