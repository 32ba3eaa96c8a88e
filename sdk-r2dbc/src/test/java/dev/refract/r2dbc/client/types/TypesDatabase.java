package dev.refract.r2dbc.client.types;

import com.example.types.db.RefractClient;
import com.example.types.db.RefractClientMetadata;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import io.r2dbc.spi.ConnectionFactories;

/**
 * The types schema pushed into a test's namespace, and a generated client on it: every test class
 * here starts from empty tables of its own.
 */
final class TypesDatabase {

    private TypesDatabase() {
    }

    /** Creates the schema's tables in {@code namespace} and opens a client on them; the caller closes it. */
    static RefractClient open(PostgresNamespace namespace) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(namespace.r2dbcUrl())).block();
        return RefractClient.builder().datasource("db", namespace.r2dbcUrl()).build();
    }
}
