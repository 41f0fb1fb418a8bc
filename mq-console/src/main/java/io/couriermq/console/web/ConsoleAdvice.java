package io.couriermq.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every console page gets: the form token, the time formatter, whether writes are served; and a page
 * naming the problem when a request fails (bad input: 400; a write while writes are disabled: 403, saying
 * how to enable them; the cluster refused or did not answer: 502), never a stack trace.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
public class ConsoleAdvice {
    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    private final ConsoleTime time;
    private final ConsoleWrites writes;

    public ConsoleAdvice(ConsoleTime time, ConsoleWrites writes) {
        this.time = time;
        this.writes = writes;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        model.addAttribute("csrfToken", CsrfGuard.token(request));
        model.addAttribute("csrfParameter", CsrfGuard.PARAMETER);
        model.addAttribute("time", time);
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("writesEnabled", writes.allowed());
        model.addAttribute("writesDisabledNotice", ConsoleWrites.HOW_TO_ENABLE);
    }

    @ExceptionHandler(ConsoleWriteGuard.WritesDisabledException.class)
    String writesDisabled(RuntimeException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        log.warn("console write {} refused: writes are disabled", request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return errorPage("Console writes are disabled", e, model, request);
    }

    @ExceptionHandler({
        IllegalArgumentException.class,
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class
    })
    String badInput(Exception e, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return errorPage("The request was not understood", e, model, request);
    }

    @ExceptionHandler(RuntimeException.class)
    String clusterFailure(RuntimeException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        log.warn("console page {} failed: {}", request.getRequestURI(), e.toString());
        response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
        return errorPage("The cluster did not answer as expected", e, model, request);
    }

    private String errorPage(String title, Exception e, Model model, HttpServletRequest request) {
        common(model, request);
        model.addAttribute("title", title);
        model.addAttribute("problem", e.getMessage() == null ? e.toString() : e.getMessage());
        return "console/error";
    }
}
