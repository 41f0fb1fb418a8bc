package io.couriermq.tools.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the node's JVM figures from its Spring Boot actuator ({@code <base>/metrics/<name>}): the first
 * measurement's value. A metric the node does not publish, or a failed request, leaves the field null.
 */
final class ActuatorResources {
    private static final Logger LOG = LoggerFactory.getLogger(ActuatorResources.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String base;
    private final HttpClient http;

    /** {@code actuatorUrl}: e.g. http://host:8080/actuator. */
    ActuatorResources(String actuatorUrl) {
        if (!actuatorUrl.startsWith("http://") && !actuatorUrl.startsWith("https://")) {
            throw new IllegalArgumentException("--actuator-url must be an http(s) URL, was '" + actuatorUrl + "'");
        }
        this.base = actuatorUrl.endsWith("/") ? actuatorUrl.substring(0, actuatorUrl.length() - 1) : actuatorUrl;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    NodeResources sample() {
        return new NodeResources(
                null,
                null,
                metric("jvm.gc.live.data.size"),
                metric("jvm.buffer.memory.used?tag=id:direct"),
                metric("process.files.open"),
                metric("jvm.threads.live"));
    }

    private Long metric(String path) {
        URI uri = URI.create(base + "/metrics/" + path);
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("{} answered {}", uri, response.statusCode());
                return null;
            }
            JsonNode value =
                    JSON.readTree(response.body()).path("measurements").path(0).path("value");
            return value.isNumber() ? Math.round(value.asDouble()) : null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("reading {} failed: {}", uri, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
