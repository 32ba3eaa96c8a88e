package dev.refract.conformance;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.suite.SuiteDatabase;

/**
 * The server the conformance kit runs against in a module of the R2DBC adapter: the relational
 * suite's server under test (PostgreSQL in refract-sdk-r2dbc, MySQL/MariaDB in
 * refract-sdk-r2dbc-mysql-suite), each test class in a namespace of its own whose tables
 * {@code db push} creates.
 */
final class ConformanceServer extends ConformanceStore {

    private final SuiteDatabase database;

    private ConformanceServer(SuiteDatabase database) {
        this.database = database;
    }

    /** A new namespace named after {@code label} on the module's server under test. */
    static ConformanceServer create(String label) {
        return new ConformanceServer(SuiteDatabase.open(label));
    }

    @Override
    public Provider provider() {
        return database.provider();
    }

    @Override
    public String url() {
        return database.r2dbcUrl();
    }

    @Override
    public void prepare(SchemaMeta schema) {
        database.push(schema);
    }

    @Override
    public void close() {
        database.close();
    }
}
