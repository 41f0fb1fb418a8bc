package io.couriermq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generated configuration metadata: every {@code courier.*} key is described, and the hints are there. */
class ConfigurationMetadataTest {

    private static JsonNode metadata() throws Exception {
        try (InputStream in =
                ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated configuration metadata").isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void everyKeyHasADescription() throws Exception {
        List<String> undescribed = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode property : metadata().get("properties")) {
            String name = property.get("name").asString();
            names.add(name);
            JsonNode description = property.get("description");
            if (description == null || description.asString().isBlank()) {
                undescribed.add(name);
            }
        }
        assertThat(names)
                .hasSizeGreaterThan(30)
                .allMatch(name -> name.startsWith("courier.") || name.startsWith("management.endpoint.mqlisteners."));
        assertThat(names)
                .contains(
                        "courier.name-server",
                        "courier.producer.group",
                        "courier.enabled",
                        "courier.producer.send-timeout",
                        "courier.consumer.max-cached-size-per-queue",
                        "courier.tls.enabled",
                        "courier.tls.trust-cert-path",
                        "courier.tls.key-store-password",
                        "courier.tls.hostname-verification");
        assertThat(undescribed).as("keys without a description").isEmpty();
    }

    @Test
    void durationsAndSizesAreTyped() throws Exception {
        for (JsonNode property : metadata().get("properties")) {
            String name = property.get("name").asString();
            String type = property.get("type").asString();
            if (name.endsWith("-timeout") || name.endsWith("-interval")) {
                assertThat(type).as(name).isEqualTo("java.time.Duration");
            }
            if ((name.endsWith("-size") && !name.endsWith("pull-batch-size")) || name.endsWith("-threshold")) {
                assertThat(type).as(name).isEqualTo("org.springframework.util.unit.DataSize");
            }
        }
    }

    @Test
    void theJsonMapperChoiceHasHints() throws Exception {
        List<String> values = new ArrayList<>();
        for (JsonNode hint : metadata().get("hints")) {
            if (hint.get("name").asString().equals("courier.preferred-json-mapper")) {
                hint.get("values")
                        .forEach(value -> values.add(value.get("value").asString()));
            }
        }
        assertThat(values).containsExactly("jackson", "jackson2");
    }
}
