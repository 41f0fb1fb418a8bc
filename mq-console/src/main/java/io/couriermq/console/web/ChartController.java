package io.couriermq.console.web;

import io.couriermq.console.chart.ChartSampler;
import io.couriermq.console.chart.ChartSeries;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The live charts page and the JSON it polls: the server-side samples of TPS per broker and lag per group. */
@Controller
public class ChartController {
    private final ChartSampler sampler;

    public ChartController(ChartSampler sampler) {
        this.sampler = sampler;
    }

    @GetMapping("/console/charts")
    String charts() {
        return "console/charts";
    }

    @GetMapping("/console/api/charts")
    @ResponseBody
    Charts data() {
        return new Charts(sampler.tps(), sampler.lag());
    }

    /** The body of /console/api/charts. */
    public record Charts(ChartSeries tps, ChartSeries lag) {}
}
