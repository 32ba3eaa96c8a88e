package dev.refract.boot.health;

import dev.refract.boot.autoconfigure.RefractAutoConfiguration;
import dev.refract.boot.autoconfigure.RefractProperties;
import dev.refract.client.GeneratedClient;
import dev.refract.meta.DatasourceMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * A health contributor named {@code refract} with one {@link DatasourceHealthIndicator} per datasource
 * of the client's schema, e.g. {@code refract.db} and {@code refract.docs} in the health endpoint.
 * Turned off with {@code management.health.refract.enabled=false}.
 */
@AutoConfiguration(after = RefractAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(GeneratedClient.class)
@ConditionalOnEnabledHealthIndicator("refract")
@EnableConfigurationProperties(RefractProperties.class)
public class RefractHealthAutoConfiguration {

    /** One indicator per datasource, by the datasource's name. */
    @Bean
    @ConditionalOnMissingBean(name = "refractHealthContributor")
    CompositeReactiveHealthContributor refractHealthContributor(GeneratedClient client, RefractProperties properties) {
        Map<String, DatasourceHealthIndicator> indicators = new LinkedHashMap<>();
        for (DatasourceMeta datasource : client.core().schema().datasources()) {
            indicators.put(datasource.name(),
                    new DatasourceHealthIndicator(client.core(), datasource, properties.health().timeout()));
        }
        return CompositeReactiveHealthContributor.fromMap(indicators);
    }
}
