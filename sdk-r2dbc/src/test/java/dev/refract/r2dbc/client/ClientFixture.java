package dev.refract.r2dbc.client;

import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;

/**
 * What a client-level test needs around a generated client: the schema's PostgreSQL datasource
 * pushed into the test namespace. The adapter provider that keeps the adapter it made is the
 * relational suite's {@link dev.refract.r2dbc.suite.CapturingProvider}.
 */
final class ClientFixture {

    private ClientFixture() {
    }

    /** Creates the tables of the schema's datasource {@code datasourceIndex} in {@code postgres}. */
    static void push(SchemaMeta schema, int datasourceIndex, PostgresNamespace postgres) {
        DbPush.push(schema, datasourceIndex, ConnectionFactories.get(postgres.r2dbcUrl())).block(Duration.ofSeconds(30));
    }
}
