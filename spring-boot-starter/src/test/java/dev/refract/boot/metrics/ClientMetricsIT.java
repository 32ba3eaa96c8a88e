package dev.refract.boot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.boot.support.StarterApplication;
import dev.refract.boot.testclient.RefractClient;
import dev.refract.error.RecordNotFoundException;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;

/** The client's Micrometer metrics in a Spring Boot application, against the local PostgreSQL. */
@RefractTestDatabases
class ClientMetricsIT {

    private final PostgresNamespace postgres;
    private ConfigurableApplicationContext context;
    private RefractClient db;
    private MeterRegistry registry;

    ClientMetricsIT(PostgresNamespace postgres) {
        this.postgres = postgres;
    }

    @BeforeAll
    static void createTables(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect()) {
            StarterApplication.createTables(connection);
        }
    }

    @BeforeEach
    void start() {
        context = StarterApplication.start(
                "refract.client=" + RefractClient.class.getName(),
                "refract.datasources.db.url=" + postgres.r2dbcUrl(),
                // the schema says poolSize = 3
                "refract.datasources.db.pool.size=5",
                "refract.datasources.reports.url=" + postgres.r2dbcUrl());
        db = context.getBean(RefractClient.class);
        registry = context.getBean(MeterRegistry.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private Timer timer(String model, String operation, String outcome) {
        return registry.get(OperationTimers.NAME).tags("datasource", "db", "model", model, "operation", operation,
                "outcome", outcome).timer();
    }

    private double gauge(String name, String datasource) {
        return registry.get(name).tag("datasource", datasource).gauge().value();
    }

    @Test
    void eachOperationIsTimedByDatasourceModelOperationAndOutcome() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            db.task().create(c -> c.title("task " + n)).block();
        }
        db.task().findMany().collectList().block();
        assertThatThrownBy(() -> db.task().update(w -> w.id(-1), u -> u.done(true)).block())
                .isInstanceOf(RecordNotFoundException.class);

        assertThat(timer("Task", "create", "success").count()).isEqualTo(3);
        assertThat(timer("Task", "create", "success").totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(timer("Task", "findMany", "success").count()).isEqualTo(1);
        assertThat(timer("Task", "update", "error").count()).isEqualTo(1);
        assertThat(registry.find(OperationTimers.NAME).tag("model", "Report").timers()).isEmpty();
    }

    @Test
    void thePoolGaugesFollowTheConnectionsInUse() {
        assertThat(gauge("refract.pool.max", "db")).isNaN();

        Double acquiredInside = db.transaction(tx -> tx.task().count()
                .then(Mono.fromSupplier(() -> gauge("refract.pool.acquired", "db")))).blockLast();

        assertThat(acquiredInside).isEqualTo(1.0);
        assertThat(gauge("refract.pool.acquired", "db")).isZero();
        assertThat(gauge("refract.pool.idle", "db")).isGreaterThanOrEqualTo(1.0);
        assertThat(gauge("refract.pool.pending", "db")).isZero();
        // the property's size, not the schema's
        assertThat(gauge("refract.pool.max", "db")).isEqualTo(5.0);
        assertThat(gauge("refract.pool.max", "reports")).isNaN();
    }
}
