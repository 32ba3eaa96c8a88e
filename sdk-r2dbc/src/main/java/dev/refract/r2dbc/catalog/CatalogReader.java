package dev.refract.r2dbc.catalog;

import dev.refract.meta.Provider;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

/** Reads the catalog of a relational database, choosing the reader by the datasource's provider. */
public final class CatalogReader {

    private CatalogReader() {
    }

    /**
     * The catalog of the namespace a connection of {@code connections} works in: the current schema
     * in PostgreSQL, the current database in MySQL. Nothing happens until subscription.
     *
     * @throws IllegalArgumentException for a provider without a relational catalog
     */
    public static Mono<Catalog> read(ConnectionFactory connections, Provider provider) {
        return switch (provider) {
            case POSTGRESQL -> PostgresCatalogReader.read(connections);
            case MYSQL -> MySqlCatalogReader.read(connections);
            default -> throw new IllegalArgumentException(provider.schemaName() + " has no relational catalog;"
                    + " read only postgresql and mysql datasources");
        };
    }
}
