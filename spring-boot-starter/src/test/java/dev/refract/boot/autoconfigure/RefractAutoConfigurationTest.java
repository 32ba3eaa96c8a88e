package dev.refract.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.boot.health.RefractHealthAutoConfiguration;
import dev.refract.boot.metrics.OperationTimers;
import dev.refract.boot.metrics.PoolGauges;
import dev.refract.boot.metrics.RefractMetricsAutoConfiguration;
import dev.refract.boot.support.RecordingProvider;
import dev.refract.boot.testclient.RefractClient;
import dev.refract.client.ClientOptions;
import dev.refract.client.GeneratedClient;
import dev.refract.meta.PoolMeta;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration's rules, on adapters that never connect. */
class RefractAutoConfigurationTest {

    private static final String CLIENT = "refract.client=" + RefractClient.class.getName();

    private final RecordingProvider adapters = new RecordingProvider();

    /** The starter's auto-configurations, without adapters of the test's own. */
    private final ApplicationContextRunner bare = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RefractAutoConfiguration.class,
                    RefractHealthAutoConfiguration.class, RefractMetricsAutoConfiguration.class))
            .withPropertyValues("refract.datasources.db.url=r2dbc:postgresql://localhost/never",
                    "refract.datasources.reports.url=r2dbc:postgresql://localhost/never");

    private final ApplicationContextRunner runner = bare
            .withBean(RefractClientOptionsCustomizer.class, () -> options -> options.adapterProvider(adapters));

    @Test
    void withoutTheClientPropertyNothingIsConfigured() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GeneratedClient.class)
                .doesNotHaveBean("refractHealthContributor"));
    }

    @Test
    void theClientBeanHasItsGeneratedTypeAndWorks() {
        runner.withPropertyValues(CLIENT).run(context -> {
            assertThat(context).hasSingleBean(RefractClient.class);
            RefractClient client = context.getBean(RefractClient.class);

            assertThat(client.task().findMany().collectList().block()).isEmpty();
            assertThat(adapters.adapter("db").config().url()).isEqualTo("r2dbc:postgresql://localhost/never");
        });
    }

    @Test
    void poolPropertiesOverrideTheSchemasOneByOne() {
        runner.withPropertyValues(CLIENT, "refract.datasources.db.pool.min-idle=1",
                "refract.datasources.db.pool.acquire-timeout=2s", "refract.datasources.reports.pool.size=7")
                .run(context -> {
                    RefractClient client = context.getBean(RefractClient.class);
                    client.task().count().block();
                    client.report().count().block();

                    // the schema's poolSize = 3 stays where no property overrides it
                    assertThat(adapters.adapter("db").config().pool())
                            .isEqualTo(new PoolMeta(3, 1, Duration.ofSeconds(2), null));
                    assertThat(adapters.adapter("reports").config().pool()).isEqualTo(new PoolMeta(7, null, null, null));
                });
    }

    @Test
    void aDatasourceTheSchemaLacksFailsTheStartNamingIt() {
        runner.withPropertyValues(CLIENT, "refract.datasources.archive.url=r2dbc:postgresql://localhost/x")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("'archive'").hasMessageContaining("db, reports"));
    }

    @Test
    void aPoolSettingOutOfRangeFailsTheStartNamingTheProperty() {
        runner.withPropertyValues(CLIENT, "refract.datasources.db.pool.size=0")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("refract.datasources.db.pool: pool size must be at least 1"));
    }

    @Test
    void aClassThatIsMissingOrNoGeneratedClientFailsTheStartSayingWhatToSet() {
        runner.withPropertyValues("refract.client=com.example.Missing")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("refract.client names com.example.Missing, which is not on the class path"));
        runner.withPropertyValues("refract.client=java.lang.String")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("which is not a generated Refract client"));
    }

    @Test
    void anApplicationsOwnClientBeanWinsAndStillGetsHealth() {
        runner.withPropertyValues(CLIENT).withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(GeneratedClient.class).hasBean("ownClient")
                    .doesNotHaveBean(GeneratedClientRegistrar.BEAN_NAME)
                    .hasSingleBean(CompositeReactiveHealthContributor.class);
        });
    }

    @Test
    void closingTheContextWaitsUntilTheClientHasReleasedItsAdapters() {
        RecordingProvider slow = new RecordingProvider(Duration.ofMillis(300));
        bare.withPropertyValues(CLIENT)
                .withBean(RefractClientOptionsCustomizer.class, () -> options -> options.adapterProvider(slow))
                .run(context -> {
                    RefractClient client = context.getBean(RefractClient.class);
                    client.task().count().block();

                    context.close();

                    assertThat(client.core().isClosed()).isTrue();
                    assertThat(slow.adapter("db").closed()).isTrue();
                });
    }

    @Test
    void healthHasOneEntryPerDatasourceAndCanBeTurnedOff() {
        runner.withPropertyValues(CLIENT).run(context -> {
            CompositeReactiveHealthContributor health = context.getBean(CompositeReactiveHealthContributor.class);
            assertThat(health.stream().map(entry -> entry.name())).containsExactly("db", "reports");
        });
        runner.withPropertyValues(CLIENT, "management.health.refract.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CompositeReactiveHealthContributor.class));
    }

    @Test
    void metricsNeedARegistryAndCanBeTurnedOff() {
        runner.withPropertyValues(CLIENT)
                .run(context -> assertThat(context).doesNotHaveBean(OperationTimers.class).doesNotHaveBean(PoolGauges.class));
        runner.withPropertyValues(CLIENT).withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).hasSingleBean(OperationTimers.class).hasSingleBean(PoolGauges.class));
        runner.withPropertyValues(CLIENT, "refract.metrics.enabled=false").withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).doesNotHaveBean(OperationTimers.class));
    }

    @Test
    void anApplicationsOwnClientIsClosedWithTheContext() {
        runner.withUserConfiguration(OwnClient.class).run(context -> {
            RefractClient client = context.getBean(RefractClient.class);

            context.close();

            assertThat(client.core().isClosed()).isTrue();
        });
    }

    @Test
    void anApplicationsOwnClientBuiltWithTheOperationTimersIsTimed() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(RecordingProvider.class, () -> adapters)
                .withUserConfiguration(OwnTimedClient.class).run(context -> {
                    RefractClient client = context.getBean(RefractClient.class);

                    client.task().count().block();

                    assertThat(context).hasSingleBean(OperationTimers.class).hasSingleBean(PoolGauges.class);
                    assertThat(context.getBean(MeterRegistry.class).get(OperationTimers.NAME)
                            .tags("datasource", "db", "model", "Task", "operation", "count", "outcome", "success")
                            .timer().count()).isEqualTo(1);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean
        RefractClient ownClient() {
            return RefractClient.of(ClientOptions.builder().datasource("db", "r2dbc:postgresql://localhost/own")
                    .datasource("reports", "r2dbc:postgresql://localhost/own").build());
        }
    }

    /** A client the application builds itself, with the starter's timers as its listener, as the documentation says. */
    @Configuration(proxyBeanMethods = false)
    static class OwnTimedClient {
        @Bean
        RefractClient ownClient(OperationTimers timers, RecordingProvider adapters) {
            return RefractClient.of(ClientOptions.builder().datasource("db", "r2dbc:postgresql://localhost/own")
                    .datasource("reports", "r2dbc:postgresql://localhost/own")
                    .adapterProvider(adapters).listener(timers).build());
        }
    }
}
