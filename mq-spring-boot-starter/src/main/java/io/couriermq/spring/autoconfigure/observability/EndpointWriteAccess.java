package io.couriermq.spring.autoconfigure.observability;

import org.springframework.util.ClassUtils;

/**
 * Whether the starter's state-changing endpoint operations (pause, resume, restart of a listener container)
 * are served. They are off unless Spring Security is on the classpath (Spring Boot then secures the
 * actuator) or the application opts in with {@value #PROPERTY}{@code =true}; the read operations are
 * served either way.
 *
 * @param allowed whether a write operation is carried out
 * @param reason why, for the start-up log
 */
public record EndpointWriteAccess(boolean allowed, String reason) {
    public static final String PROPERTY = "courier.actuator.write-enabled";
    static final String SPRING_SECURITY_CLASS = "org.springframework.security.web.SecurityFilterChain";

    /** The answer to a refused write: what would enable it. */
    public static final String HOW_TO_ENABLE = "this operation changes the application's consumption for anyone"
            + " who can reach the actuator, so it is disabled. To enable it, put Spring Security on the classpath"
            + " (the actuator then needs a login) or set " + PROPERTY + "=true if access is guarded otherwise.";

    public static EndpointWriteAccess decide(boolean optedIn, boolean springSecurityPresent) {
        if (springSecurityPresent) {
            return new EndpointWriteAccess(true, "Spring Security is on the classpath");
        }
        if (optedIn) {
            return new EndpointWriteAccess(true, PROPERTY + "=true");
        }
        return new EndpointWriteAccess(false, "neither Spring Security on the classpath nor " + PROPERTY + "=true");
    }

    public static boolean springSecurityPresent(ClassLoader classLoader) {
        return ClassUtils.isPresent(SPRING_SECURITY_CLASS, classLoader);
    }
}
