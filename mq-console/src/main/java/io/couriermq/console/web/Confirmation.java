package io.couriermq.console.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * The confirm step every write goes through: the first POST (without {@code confirmed}) renders a page
 * that says what will happen and repeats the form's fields as hidden inputs; only its "Confirm" button
 * posts again with {@code confirmed=true}. Works without JavaScript.
 */
final class Confirmation {
    static final String VIEW = "console/confirm";

    private Confirmation() {}

    static String ask(Model model, String question, String action, Map<String, String> fields, String cancelUrl) {
        model.addAttribute("question", question);
        model.addAttribute("action", action);
        model.addAttribute("fields", new LinkedHashMap<>(fields));
        model.addAttribute("cancelUrl", cancelUrl);
        return VIEW;
    }
}
