package dev.refract.r2dbc.migrate.diff;

import dev.refract.meta.Provider;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A namespace made for a moment beside a datasource's database, on the same server: a schema on
 * PostgreSQL, a database on MySQL. Migrations replayed into it show what the migration history
 * makes, to diff the schema against ({@code migrate dev}) or to compare the live database with
 * (drift). {@link #drop()} removes it and everything in it.
 */
public final class ShadowNamespace {

    /** r2dbc-postgresql's option naming the schema a connection's search path starts with. */
    private static final Option<String> POSTGRES_SCHEMA = Option.valueOf("schema");

    private final ConnectionFactory server;
    private final Provider provider;
    private final String name;
    private final ConnectionFactory connections;

    private ShadowNamespace(ConnectionFactory server, Provider provider, String name, ConnectionFactory connections) {
        this.server = server;
        this.provider = provider;
        this.name = name;
        this.connections = connections;
    }

    /**
     * Creates a shadow namespace on the server {@code options} lead to. Nothing happens until
     * subscription.
     *
     * @throws ShadowNamespaceException (signalled) naming the namespace and the privilege needed, when
     *         the server refuses to create it
     */
    public static Mono<ShadowNamespace> create(ConnectionFactoryOptions options, Provider provider) {
        return Mono.defer(() -> {
            String name = "_refract_shadow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            ConnectionFactory server = ConnectionFactories.get(options);
            ConnectionFactoryOptions shadow = provider == Provider.MYSQL
                    ? options.mutate().option(ConnectionFactoryOptions.DATABASE, name).build()
                    : options.mutate().option(POSTGRES_SCHEMA, name).build();
            String create = provider == Provider.MYSQL ? "CREATE DATABASE `" + name + "`"
                    : "CREATE SCHEMA \"" + name + "\"";
            return run(server, create)
                    .onErrorMap(error -> new ShadowNamespaceException("Could not create the shadow "
                            + (provider == Provider.MYSQL ? "database " : "schema ") + name + " that migrations are"
                            + " replayed into: " + error.getMessage() + ". The user of the datasource's URL needs the"
                            + (provider == Provider.MYSQL ? " CREATE and DROP privileges on databases"
                                    : " CREATE privilege on the database"), error))
                    .thenReturn(new ShadowNamespace(server, provider, name, ConnectionFactories.get(shadow)));
        });
    }

    /** The namespace's name. */
    public String name() {
        return name;
    }

    /** Connections whose namespace is the shadow one. */
    public ConnectionFactory connections() {
        return connections;
    }

    /** Drops the namespace and everything in it. Nothing happens until subscription. */
    public Mono<Void> drop() {
        return run(server, provider == Provider.MYSQL ? "DROP DATABASE IF EXISTS `" + name + "`"
                : "DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
    }

    private static Mono<Void> run(ConnectionFactory connections, String sql) {
        return Mono.usingWhen(connections.create(),
                connection -> Flux.from(connection.createStatement(sql).execute())
                        .concatMap(result -> result.getRowsUpdated()).then(),
                Connection::close);
    }
}
