package dev.refract.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.boot.support.StarterApplication;
import dev.refract.boot.testclient.RefractClient;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/** The health of each datasource in a Spring Boot application, against the local PostgreSQL. */
@RefractTestDatabases
class DatasourceHealthIT {

    private final PostgresNamespace postgres;

    DatasourceHealthIT(PostgresNamespace postgres) {
        this.postgres = postgres;
    }

    /** Each datasource's health, as Spring Boot's health registry (and so the health endpoint) has it. */
    private static Map<String, Health> health(ConfigurableApplicationContext context) {
        CompositeReactiveHealthContributor refract = (CompositeReactiveHealthContributor) context
                .getBean(ReactiveHealthContributorRegistry.class).getContributor("refract");
        Map<String, Health> health = new LinkedHashMap<>();
        refract.stream().forEach(entry -> health.put(entry.name(),
                ((ReactiveHealthIndicator) entry.contributor()).health().block()));
        return health;
    }

    @Test
    void everyDatasourceThatAnswersIsUpAndHoldsNoConnectionAfterwards() {
        try (ConfigurableApplicationContext context = StarterApplication.start(
                "refract.client=" + RefractClient.class.getName(),
                "refract.datasources.db.url=" + postgres.r2dbcUrl(),
                "refract.datasources.reports.url=" + postgres.r2dbcUrl())) {
            Map<String, Health> health = health(context);

            assertThat(health).containsOnlyKeys("db", "reports");
            assertThat(health.values()).allSatisfy(one -> {
                assertThat(one.getStatus()).isEqualTo(Status.UP);
                assertThat(one.getDetails()).containsEntry("provider", "postgresql");
            });
            RefractClient client = context.getBean(RefractClient.class);
            assertThat(client.core().poolUsage("db").orElseThrow().acquired()).isZero();
        }
    }

    @Test
    void aDatasourceAtAClosedPortIsDownWithItsErrorAndNoPassword() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (ConfigurableApplicationContext context = StarterApplication.start(
                "refract.client=" + RefractClient.class.getName(),
                "refract.health.timeout=5s",
                "refract.datasources.db.url=" + postgres.r2dbcUrl(),
                "refract.datasources.reports.url=r2dbc:postgresql://reporter:s3cret-pw@127.0.0.1:" + closed + "/test",
                "refract.datasources.reports.pool.acquire-timeout=3s")) {
            Map<String, Health> health = health(context);

            assertThat(health.get("db").getStatus()).isEqualTo(Status.UP);
            Health reports = health.get("reports");
            assertThat(reports.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(reports.getDetails().get("error")))
                    .contains("dev.refract.error.ConnectionFailedException")
                    .contains("'reports'")
                    .doesNotContain("s3cret-pw");
        }
    }
}
