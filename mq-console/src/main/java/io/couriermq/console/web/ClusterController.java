package io.couriermq.console.web;

import io.couriermq.console.data.ConsoleData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The cluster page: every broker with its role, address, TPS and disk use. */
@Controller
public class ClusterController {
    private final ConsoleData data;

    public ClusterController(ConsoleData data) {
        this.data = data;
    }

    @GetMapping({"/console", "/console/"})
    String home() {
        return "redirect:/console/cluster";
    }

    @GetMapping("/console/cluster")
    String cluster(Model model) {
        model.addAttribute("brokers", data.brokers());
        return "console/cluster";
    }
}
