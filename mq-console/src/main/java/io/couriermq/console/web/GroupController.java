package io.couriermq.console.web;

import io.couriermq.console.data.ActionOutcome;
import io.couriermq.console.data.ConsoleData;
import io.couriermq.console.data.OffsetChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Consumer groups: the list, one group's members and lag per queue, and reset by time (confirmed). */
@Controller
public class GroupController {
    private final ConsoleData data;
    private final ConsoleTime time;

    public GroupController(ConsoleData data, ConsoleTime time) {
        this.data = data;
        this.time = time;
    }

    @GetMapping("/console/groups")
    String groups(Model model) {
        model.addAttribute("groups", data.groups());
        return "console/groups";
    }

    @GetMapping("/console/groups/view")
    String group(@RequestParam String name, Model model) {
        model.addAttribute("group", data.group(name));
        return "console/group";
    }

    @PostMapping("/console/groups/reset")
    String reset(
            @RequestParam String group,
            @RequestParam String topic,
            @RequestParam("time") String when,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        long timestampMs = time.parse(when);
        String back = Actions.url("/console/groups/view", "name", group);
        if (!confirmed) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("group", group);
            fields.put("topic", topic);
            fields.put("time", String.valueOf(timestampMs));
            return Confirmation.ask(
                    model,
                    "Reset the committed offsets of group " + group + " on topic " + topic
                            + " to the first message stored at or after " + time.format(timestampMs) + " ("
                            + time.zone() + ")? Consumers online re-read from there.",
                    "/console/groups/reset",
                    fields,
                    back);
        }
        return Actions.run(
                "resetting " + group + " on " + topic,
                () -> describe(data.resetOffsetByTime(group, topic, timestampMs)),
                redirect,
                back);
    }

    private static ActionOutcome describe(List<OffsetChange> changes) {
        if (changes.isEmpty()) {
            return ActionOutcome.failed("no queue was reset: the group has no queue of that topic");
        }
        return ActionOutcome.ok("offsets now "
                + changes.stream()
                        .map(change -> change.brokerName() + "/" + change.queueId() + " = " + change.newOffset())
                        .collect(Collectors.joining(", ")));
    }
}
