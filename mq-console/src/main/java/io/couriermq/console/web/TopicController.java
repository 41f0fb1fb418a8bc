package io.couriermq.console.web;

import io.couriermq.console.data.ConsoleData;
import io.couriermq.console.data.TopicForm;
import io.couriermq.console.data.TopicKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Topics: the list, one topic's queues and offsets, and create, update and delete (each confirmed). */
@Controller
public class TopicController {
    private final ConsoleData data;

    public TopicController(ConsoleData data) {
        this.data = data;
    }

    @GetMapping("/console/topics")
    String topics(@RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute(
                "topics",
                data.topics().stream()
                        .filter(topic -> all || topic.kind() == TopicKind.NORMAL)
                        .toList());
        model.addAttribute("all", all);
        return "console/topics";
    }

    @GetMapping("/console/topics/view")
    String topic(@RequestParam String name, Model model) {
        model.addAttribute("topic", data.topic(name));
        return "console/topic";
    }

    @PostMapping("/console/topics/save")
    String save(
            @RequestParam String name,
            @RequestParam(defaultValue = "") String cluster,
            @RequestParam int readQueues,
            @RequestParam int writeQueues,
            @RequestParam(defaultValue = "6") int perm,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        TopicForm form = new TopicForm(name, cluster, readQueues, writeQueues, perm);
        String view = Actions.url("/console/topics/view", "name", form.name());
        if (!confirmed) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("name", form.name());
            fields.put("cluster", form.cluster());
            fields.put("readQueues", String.valueOf(readQueues));
            fields.put("writeQueues", String.valueOf(writeQueues));
            fields.put("perm", String.valueOf(perm));
            String where = form.cluster().isEmpty() ? "every master" : "every master of cluster " + form.cluster();
            return Confirmation.ask(
                    model,
                    "Create or update topic " + form.name() + " on " + where + " with " + readQueues + " read and "
                            + writeQueues + " write queues, perm " + perm + "?",
                    "/console/topics/save",
                    fields,
                    "/console/topics");
        }
        return Actions.run("saving topic " + form.name(), () -> data.saveTopic(form), redirect, view);
    }

    @PostMapping("/console/topics/delete")
    String delete(
            @RequestParam String name,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        if (!confirmed) {
            return Confirmation.ask(
                    model,
                    "Delete topic " + name + " from every broker and NameServer? Its messages can no longer be"
                            + " consumed.",
                    "/console/topics/delete",
                    Map.of("name", name),
                    Actions.url("/console/topics/view", "name", name));
        }
        return Actions.run("deleting topic " + name, () -> data.deleteTopic(name), redirect, "/console/topics");
    }
}
