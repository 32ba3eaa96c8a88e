package dev.refract.r2dbc.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.R2dbcException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** A push that fails half-way leaves the database as it found it. */
@RefractTestDatabases
class FailedPushIT {

    @Test
    void aStatementFailingHalfWayRollsBackEveryTableAndType(PostgresNamespace postgres) throws SQLException {
        // An index of an unrelated table holds a name the push needs only after its tables exist.
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE unrelated (id integer)");
            statement.execute("CREATE INDEX \"pipeline_steps_runId_position_key\" ON unrelated (id)");
        }
        Catalog catalog = new Catalog(postgres);
        String before = catalog.snapshot();

        StepVerifier.create(DbPush.push(com.example.pipeline.db.RefractClientMetadata.SCHEMA, 0,
                        ConnectionFactories.get(postgres.r2dbcUrl())))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(R2dbcException.class)
                        .hasMessageContaining("pipeline_steps_runId_position_key"))
                .verify();

        assertThat(catalog.tables()).containsExactly("unrelated");
        assertThat(catalog.enums()).isEmpty();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }
}
