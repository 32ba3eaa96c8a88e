package dev.refract.conformance;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.MysqlNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;

/**
 * The server the conformance kit runs against in this module: MySQL or MariaDB, each test class in a
 * database of its own whose tables {@code db push} creates. refract-sdk-r2dbc has a class
 * of the same name for PostgreSQL.
 */
final class ConformanceServer extends ConformanceStore {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MysqlNamespace namespace;

    private ConformanceServer(MysqlNamespace namespace) {
        this.namespace = namespace;
    }

    /** A new database named after {@code label} on this JVM's MySQL server. */
    static ConformanceServer create(String label) {
        return new ConformanceServer(MysqlNamespace.create(label));
    }

    @Override
    public Provider provider() {
        return Provider.MYSQL;
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
