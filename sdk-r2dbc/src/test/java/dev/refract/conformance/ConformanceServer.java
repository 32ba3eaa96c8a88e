package dev.refract.conformance;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;

/**
 * The server the conformance kit runs against in this module: PostgreSQL, each test class in a
 * schema of its own whose tables {@code db push} creates. refract-sdk-r2dbc-mysql-suite has a class
 * of the same name for MySQL/MariaDB.
 */
final class ConformanceServer extends ConformanceStore {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final PostgresNamespace namespace;

    private ConformanceServer(PostgresNamespace namespace) {
        this.namespace = namespace;
    }

    /** A new schema named after {@code label} on this JVM's PostgreSQL server. */
    static ConformanceServer create(String label) {
        return new ConformanceServer(PostgresNamespace.create(label));
    }

    @Override
    public Provider provider() {
        return Provider.POSTGRESQL;
    }

    @Override
    public String url() {
        return namespace.r2dbcUrl();
    }

    @Override
    public void prepare(SchemaMeta schema) {
        DbPush.push(schema, 0, ConnectionFactories.get(url())).block(WAIT);
    }

    @Override
    public void close() {
        namespace.close();
    }
}
