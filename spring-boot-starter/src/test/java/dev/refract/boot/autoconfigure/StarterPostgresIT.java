package dev.refract.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.boot.support.StarterApplication;
import dev.refract.boot.testclient.RefractClient;
import dev.refract.boot.testclient.Task;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;

/** A Spring Boot application whose client the starter configures, against the local PostgreSQL. */
@RefractTestDatabases
class StarterPostgresIT {

    private final PostgresNamespace postgres;

    StarterPostgresIT(PostgresNamespace postgres) {
        this.postgres = postgres;
    }

    @BeforeAll
    static void createTables(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect()) {
            StarterApplication.createTables(connection);
        }
    }

    @Test
    void theClientBeanReadsAndWritesThroughTheUrlsOfTheProperties() {
        try (ConfigurableApplicationContext context = StarterApplication.start(
                "refract.client=" + RefractClient.class.getName(),
                "refract.datasources.db.url=" + postgres.r2dbcUrl(),
                "refract.datasources.reports.url=" + postgres.r2dbcUrl())) {
            RefractClient db = context.getBean(RefractClient.class);

            Task created = db.task().create(c -> c.title("write the starter")).block();
            db.report().create(r -> r.name("weekly")).block();
            List<Task> open = db.task().findMany(q -> q.where(w -> w.done().eq(false))).collectList().block();

            assertThat(open).extracting(Task::title).contains("write the starter");
            assertThat(created.done()).isFalse();
            assertThat(db.report().count().block()).isPositive();
        }
    }

    @Test
    void closingTheContextClosesEveryConnectionOfTheClient() throws SQLException {
        String application = "starter-shutdown-" + System.nanoTime();
        ConfigurableApplicationContext context = StarterApplication.start(
                "refract.client=" + RefractClient.class.getName(),
                "refract.datasources.db.url=" + postgres.r2dbcUrl() + "&applicationName=" + application,
                "refract.datasources.db.pool.min-idle=2",
                "refract.datasources.reports.url=" + postgres.r2dbcUrl());
        RefractClient db = context.getBean(RefractClient.class);
        db.task().count().block();
        assertThat(connectionsOf(application)).isPositive();

        context.close();

        assertThat(db.core().isClosed()).isTrue();
        assertThat(db.core().poolUsage("db")).isEmpty();
        // the server ends a backend a moment after its client has hung up
        Integer left = Mono.fromCallable(() -> connectionsOf(application)).filter(count -> count == 0)
                .repeatWhenEmpty(50, attempts -> attempts.delayElements(Duration.ofMillis(20)))
                .defaultIfEmpty(-1).block();
        assertThat(left).isZero();
    }

    private int connectionsOf(String application) throws SQLException {
        try (Connection connection = postgres.connect();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from pg_stat_activity where application_name = ?")) {
            statement.setString(1, application);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
