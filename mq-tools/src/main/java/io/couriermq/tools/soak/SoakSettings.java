package io.couriermq.tools.soak;

import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.security.Credentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One soak run's settings, validated by the command.
 *
 * @param rate messages per second, or 0 to use {@code rateFraction} of the maximum the ramp measures
 * @param nodePid the node's process id for /proc figures, or 0
 * @param actuatorUrl the node's actuator base URL, or null
 */
record SoakSettings(
        String nameServer,
        String topic,
        String producerGroup,
        String consumerGroup,
        int queues,
        int threads,
        int size,
        int rate,
        double rateFraction,
        Duration ramp,
        Duration duration,
        Duration interval,
        Duration drain,
        Duration warmUp,
        int consumers,
        Duration consumerRestart,
        long nodePid,
        String actuatorUrl,
        Path report,
        GrowthBounds bounds,
        Credentials credentials,
        TlsClientSettings tls) {

    /** The settings as written into the report; {@code measuredMax} null when {@code --rate} was given. */
    Map<String, Object> describe(Double measuredMax, double pacedRate) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("nameServer", nameServer);
        described.put("topic", topic);
        described.put("consumerGroup", consumerGroup);
        described.put("threads", threads);
        described.put("sizeBytes", size);
        described.put("measuredMaxPerSecond", measuredMax);
        described.put("ratePerSecond", pacedRate);
        described.put("durationSeconds", duration.toSeconds());
        described.put("intervalSeconds", interval.toSeconds());
        described.put("drainSeconds", drain.toSeconds());
        described.put("warmUpSeconds", warmUp.toSeconds());
        described.put("consumers", consumers);
        described.put("consumerRestartSeconds", consumerRestart.toSeconds());
        described.put("nodePid", nodePid == 0 ? null : nodePid);
        described.put("actuatorUrl", actuatorUrl);
        described.put("bounds", bounds);
        return described;
    }
}
