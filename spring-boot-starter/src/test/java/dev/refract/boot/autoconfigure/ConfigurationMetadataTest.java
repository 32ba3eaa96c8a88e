package dev.refract.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration metadata IDEs complete the {@code refract.*} properties from. */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyIsDescribedWithItsTypeAndDefault() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's output").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        metadata.get("properties").forEach(property -> {
            names.add(property.get("name").asText());
            assertThat(property.path("description").asText()).as(property.get("name").asText()).isNotBlank();
        });

        assertThat(names).contains("refract.client", "refract.datasources", "refract.health.timeout",
                "refract.metrics.enabled");
        assertThat(metadata.get("properties")).anySatisfy(property -> {
            assertThat(property.get("name").asText()).isEqualTo("refract.health.timeout");
            assertThat(property.get("defaultValue").asText()).isEqualTo("5s");
        });
    }
}
