package dev.refract.r2dbc.client.raw;

import com.example.raw.db.RefractClient;
import com.example.raw.db.RefractClientMetadata;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.spi.AdapterProvider;
import dev.refract.test.isolation.PostgresNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;

/**
 * What the raw SQL tests do differently per database, kept here alone: creating the raw schema's
 * tables, connecting the client, and how the SQL writes a placeholder. The tests' SQL otherwise
 * uses unquoted lower-case names and standard syntax, so another SQL database can run them by
 * answering these few questions its own way.
 */
final class RawDatabase {

    private RawDatabase() {}

    /**
     * Creates the tables of the raw schema in {@code namespace} and opens a client on them, with a
     * pool of {@code poolSize} connections made by {@code provider}; the caller closes it.
     */
    static RefractClient open(PostgresNamespace namespace, AdapterProvider provider, int poolSize) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(namespace.r2dbcUrl()))
                .block(Duration.ofSeconds(30));
        return RefractClient.builder().datasource("db", namespace.r2dbcUrl()).poolSize("db", poolSize)
                .adapterProvider(provider).build();
    }

    /** The placeholder of argument {@code position}, counted from 1. */
    static String p(int position) {
        return "$" + position;
    }

    /** A read of the whole numbers from 1 to its one argument, a row each, in a column labelled {@code n}. */
    static String numbersUpTo() {
        return "SELECT n FROM generate_series(1, " + p(1) + ") AS n";
    }

    /** Argument {@code position} read as the database type {@code sqlType}, spelled as PostgreSQL spells types. */
    static String typed(int position, String sqlType) {
        return p(position) + "::" + sqlType;
    }

    /** Argument {@code position}, a Java enum bound as its name, read as the native enum {@code enumName}. */
    static String enumArgument(int position, String enumName) {
        return p(position) + "::\"" + enumName + "\"";
    }
}
