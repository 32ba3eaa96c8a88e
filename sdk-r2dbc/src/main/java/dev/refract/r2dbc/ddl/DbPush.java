package dev.refract.r2dbc.ddl;

import dev.refract.meta.SchemaMeta;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code db push} for a PostgreSQL datasource: creates its enum types, tables, indexes and foreign
 * keys in the connection's current schema, all in one transaction. It refuses, changing nothing,
 * when any of those tables or types already exists: push never drops or alters anything, and
 * bringing an existing database up to date is the job of migrations.
 */
public final class DbPush {

    private static final String EXISTING = "SELECT 'table ' || quote_ident(c.relname), current_schema()"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
            + " AND c.relname::text = ANY($1::text[])"
            + " UNION ALL SELECT 'type ' || quote_ident(t.typname), current_schema()"
            + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE n.nspname = current_schema() AND t.typname::text = ANY($2::text[])";

    private DbPush() {
    }

    /**
     * Creates the models of the datasource at {@code datasourceIndex} through a connection of
     * {@code connections}. Nothing happens until subscription.
     *
     * @return the report of what was created; fails with {@link DbPushRefusedException} when a table or
     *         enum type of the datasource already exists, with {@link IllegalArgumentException} when the
     *         metadata cannot be rendered for PostgreSQL, or with the driver's error when a statement
     *         fails (the transaction is then rolled back)
     */
    public static Mono<PushReport> push(SchemaMeta schema, int datasourceIndex, ConnectionFactory connections) {
        return Mono.fromCallable(() -> PostgresDdl.render(schema, datasourceIndex))
                .flatMap(script -> Mono.usingWhen(connections.create(),
                        connection -> run(connection, script, schema.datasource(datasourceIndex).name()),
                        Connection::close));
    }

    private static Mono<PushReport> run(Connection connection, DdlScript script, String datasource) {
        Mono<PushReport> work = refuseExisting(connection, script, datasource)
                .thenMany(Flux.fromIterable(script.statements()).concatMap(sql -> execute(connection, sql)))
                .then(Mono.fromSupplier(() -> new PushReport(datasource, script.enumTypes(), script.tables(),
                        script.statements())));
        return Mono.from(connection.beginTransaction())
                .then(work)
                .flatMap(report -> Mono.from(connection.commitTransaction()).thenReturn(report))
                .onErrorResume(error -> Mono.from(connection.rollbackTransaction())
                        .onErrorResume(rollbackError -> {
                            error.addSuppressed(rollbackError);
                            return Mono.empty();
                        })
                        .then(Mono.error(error)));
    }

    /** Looks the script's tables and types up inside the transaction, so a refusal changes nothing. */
    private static Mono<Void> refuseExisting(Connection connection, DdlScript script, String datasource) {
        return Flux.from(connection.createStatement(EXISTING)
                        .bind("$1", script.tables().toArray(String[]::new))
                        .bind("$2", script.enumTypes().toArray(String[]::new))
                        .execute())
                .concatMap(result -> result.map((row, metadata) -> List.of(row.get(0, String.class),
                        row.get(1, String.class))))
                .collectList()
                .flatMap(found -> found.isEmpty() ? Mono.<Void>empty()
                        : Mono.error(new DbPushRefusedException(datasource, found.get(0).get(1),
                                found.stream().map(f -> f.get(0)).toList())));
    }

    private static Mono<Long> execute(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .concatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum);
    }
}
