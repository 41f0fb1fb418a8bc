package io.couriermq.console.web;

import io.couriermq.console.data.ConsoleData;
import io.couriermq.console.data.MessageRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Messages: search by id, key or time; one message's body and properties; resend to a group (confirmed). */
@Controller
public class MessageController {
    static final int MAX_RESULTS = 64;

    private final ConsoleData data;
    private final ConsoleTime time;

    public MessageController(ConsoleData data, ConsoleTime time) {
        this.data = data;
        this.time = time;
    }

    @GetMapping("/console/messages")
    String search(
            @RequestParam(defaultValue = "") String topic,
            @RequestParam(defaultValue = "") String id,
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String begin,
            @RequestParam(defaultValue = "") String end,
            Model model) {
        model.addAttribute("topic", topic);
        model.addAttribute("id", id);
        model.addAttribute("key", key);
        model.addAttribute("begin", begin);
        model.addAttribute("end", end);
        if (!topic.isBlank()) {
            model.addAttribute("results", find(topic.trim(), id.trim(), key.trim(), begin.trim(), end.trim()));
        }
        return "console/messages";
    }

    private List<MessageRow> find(String topic, String id, String key, String begin, String end) {
        if (!id.isEmpty()) {
            return List.of(data.message(topic, id).summary());
        }
        if (!key.isEmpty()) {
            return data.messagesByKey(topic, key, MAX_RESULTS);
        }
        if (!begin.isEmpty() || !end.isEmpty()) {
            long beginMs = begin.isEmpty() ? 0 : time.parse(begin);
            long endMs = end.isEmpty() ? Long.MAX_VALUE : time.parse(end);
            return data.messagesByTime(topic, beginMs, endMs, MAX_RESULTS);
        }
        throw new IllegalArgumentException("give a message id, a key, or a time range to search topic " + topic);
    }

    @GetMapping("/console/messages/view")
    String message(@RequestParam String topic, @RequestParam String id, Model model) {
        model.addAttribute("message", data.message(topic, id));
        model.addAttribute("groups", data.topic(topic).groups());
        return "console/message";
    }

    @PostMapping("/console/messages/resend")
    String resend(
            @RequestParam String topic,
            @RequestParam String id,
            @RequestParam String group,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        String back = Actions.url("/console/messages/view", "topic", topic, "id", id);
        if (group.isBlank()) {
            throw new IllegalArgumentException("choose the consumer group to resend message " + id + " to");
        }
        if (!confirmed) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("topic", topic);
            fields.put("id", id);
            fields.put("group", group);
            return Confirmation.ask(
                    model,
                    "Deliver message " + id + " of topic " + topic + " to consumer group " + group
                            + " again? Only that group receives it.",
                    "/console/messages/resend",
                    fields,
                    back);
        }
        return Actions.run(
                "resending " + id + " to " + group, () -> data.resendToGroup(topic, id, group), redirect, back);
    }
}
