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

/** Dead letters of a consumer group: the list and resend to the original topic (confirmed). */
@Controller
public class DeadLetterController {
    static final int MAX_SHOWN = 100;

    private final ConsoleData data;

    public DeadLetterController(ConsoleData data) {
        this.data = data;
    }

    @GetMapping("/console/dlq")
    String deadLetters(@RequestParam(defaultValue = "") String group, Model model) {
        model.addAttribute("group", group);
        if (!group.isBlank()) {
            model.addAttribute("letters", data.deadLetters(group.trim(), MAX_SHOWN));
        }
        return "console/dlq";
    }

    @PostMapping("/console/dlq/resend")
    String resend(
            @RequestParam String group,
            @RequestParam String id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        String back = Actions.url("/console/dlq", "group", group);
        if (!confirmed) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("group", group);
            fields.put("id", id);
            return Confirmation.ask(
                    model,
                    "Re-send dead letter " + id + " of group " + group + " to its original topic?",
                    "/console/dlq/resend",
                    fields,
                    back);
        }
        return Actions.run("re-sending dead letter " + id, () -> data.resendDeadLetter(group, id), redirect, back);
    }
}
