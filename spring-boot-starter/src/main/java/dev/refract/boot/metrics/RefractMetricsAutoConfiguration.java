package dev.refract.boot.metrics;

import dev.refract.boot.autoconfigure.RefractAutoConfiguration;
import dev.refract.client.GeneratedClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics of the client when the application has a {@link MeterRegistry}: a timer per model
 * and operation ({@link OperationTimers}) and gauges per datasource pool ({@link PoolGauges}). Turned
 * off with {@code refract.metrics.enabled=false}.
 */
@AutoConfiguration(after = RefractAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, GeneratedClient.class})
@ConditionalOnProperty(prefix = "refract.metrics", name = "enabled", matchIfMissing = true)
public class RefractMetricsAutoConfiguration {

    /** Times the client's operations; the client picks it up as its operation listener when it is built. */
    @Bean
    OperationTimers refractOperationTimers(MeterRegistry registry) {
        return new OperationTimers(registry);
    }

    /** The pool gauges, bound to the registry by Spring Boot's metrics support. */
    @Bean
    PoolGauges refractPoolGauges(GeneratedClient client) {
        return new PoolGauges(client.core());
    }
}
