package io.couriermq.console.web;

import io.couriermq.console.data.ConsoleData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Delayed and timed messages not delivered yet: the list per topic and cancel (confirmed). */
@Controller
public class PendingController {
    private final ConsoleData data;

    public PendingController(ConsoleData data) {
        this.data = data;
    }

    @GetMapping("/console/pending")
    String pending(@RequestParam(defaultValue = "") String topic, Model model) {
        model.addAttribute("topic", topic);
        if (!topic.isBlank()) {
            model.addAttribute("pending", data.pending(topic.trim()));
        }
        return "console/pending";
    }

    @PostMapping("/console/pending/cancel")
    String cancel(
            @RequestParam String topic,
            @RequestParam String id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        String back = Actions.url("/console/pending", "topic", topic);
        if (!confirmed) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("topic", topic);
            fields.put("id", id);
            return Confirmation.ask(
                    model,
                    "Cancel the pending delivery of message " + id + " to topic " + topic
                            + "? It will never be delivered.",
                    "/console/pending/cancel",
                    fields,
                    back);
        }
        return Actions.run("cancelling " + id, () -> data.cancelPending(topic, id), redirect, back);
    }
}
