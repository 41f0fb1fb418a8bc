package io.couriermq.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Cross-site request forgery guard for the console's writes (the apps carry no Spring Security): every
 * session gets a random token, every form carries it in {@value #PARAMETER}, and a POST without the
 * session's token is refused with 403 before any controller runs. Writes are POST only, so a link or
 * an image on another site cannot trigger one.
 */
public final class CsrfGuard implements HandlerInterceptor {
    public static final String PARAMETER = "_csrf";
    private static final String SESSION_KEY = CsrfGuard.class.getName() + ".token";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The session's token, made on first use. */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        Object token = session.getAttribute(SESSION_KEY);
        if (token instanceof String existing) {
            return existing;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String created = HexFormat.of().formatHex(bytes);
        session.setAttribute(SESSION_KEY, created);
        return created;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            return true;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_KEY);
        String sent = request.getParameter(PARAMETER);
        if (expected instanceof String token && sent != null && constantTimeEquals(token, sent)) {
            return true;
        }
        response.sendError(
                HttpServletResponse.SC_FORBIDDEN, "missing or stale form token: reload the page and try again");
        return false;
    }

    private static boolean constantTimeEquals(String expected, String sent) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
