package io.couriermq.console.web;

import org.springframework.util.ClassUtils;

/**
 * Whether the console's writes (topic create/update/delete, offset reset, message and dead-letter resend,
 * pending-delivery cancel) are served. They change the cluster for anyone who can reach the page, so they
 * are off unless Spring Security is on the classpath (Spring Boot then demands a login for every page) or
 * the operator opts in with {@value #PROPERTY}{@code =true}, e.g. behind an authenticating proxy.
 * The read-only pages are served either way.
 *
 * @param allowed whether a write is carried out
 * @param reason why, for the start-up log
 */
public record ConsoleWrites(boolean allowed, String reason) {
    public static final String PROPERTY = "courier.console.write-enabled";
    static final String SPRING_SECURITY_CLASS = "org.springframework.security.web.SecurityFilterChain";

    /** What an operator is told when a write is refused, and on every page while they are. */
    public static final String HOW_TO_ENABLE = "The console is read-only: its writes change the cluster for"
            + " anyone who can reach this page. To enable them, put Spring Security on the classpath (every"
            + " console page then needs a login) or set " + PROPERTY + "=true if access is guarded otherwise.";

    public static ConsoleWrites decide(boolean optedIn, boolean springSecurityPresent) {
        if (springSecurityPresent) {
            return new ConsoleWrites(true, "Spring Security is on the classpath and guards them");
        }
        if (optedIn) {
            return new ConsoleWrites(true, PROPERTY + "=true");
        }
        return new ConsoleWrites(false, "neither Spring Security on the classpath nor " + PROPERTY + "=true");
    }

    public static boolean springSecurityPresent(ClassLoader classLoader) {
        return ClassUtils.isPresent(SPRING_SECURITY_CLASS, classLoader);
    }
}
