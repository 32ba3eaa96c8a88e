package dev.refract.r2dbc.ddl;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code db push}: creates the tables of a relational datasource in an empty database, choosing the
 * data definition by the datasource's provider. It refuses, changing nothing, when any of those
 * tables (or, in PostgreSQL, enum types) already exists: push never drops or alters anything, and
 * bringing an existing database up to date is the job of migrations.
 *
 * <ul>
 *   <li>PostgreSQL: enum types, tables, indexes and foreign keys in the connection's current schema,
 *       all in one transaction, after looking the names up inside it.</li>
 *   <li>MySQL and MariaDB: tables (with their indexes) and foreign keys in the connection's database.
 *       MySQL commits every data definition statement on its own, so there is no transaction to roll
 *       back: push looks the tables up first and creates nothing when one exists, but a statement
 *       that fails half way (a server refusing a type, say) leaves the tables created before it,
 *       which the error then names.</li>
 * </ul>
 */
public final class DbPush {

    private static final String EXISTING = "SELECT 'table ' || quote_ident(c.relname), current_schema()"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
            + " AND c.relname::text = ANY($1::text[])"
            + " UNION ALL SELECT 'type ' || quote_ident(t.typname), current_schema()"
            + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE n.nspname = current_schema() AND t.typname::text = ANY($2::text[])";

    private static final String EXISTING_MYSQL = "SELECT CONCAT('table `', REPLACE(table_name, '`', '``'), '`'),"
            + " DATABASE() FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN (";

    private DbPush() {
    }

    /**
     * Creates the models of the datasource at {@code datasourceIndex} through a connection of
     * {@code connections}. Nothing happens until subscription.
     *
     * @return the report of what was created; fails with {@link DbPushRefusedException} when a table or
     *         enum type of the datasource already exists, with {@link IllegalArgumentException} when the
     *         metadata cannot be rendered for the datasource's database, or with the driver's error when
     *         a statement fails (in PostgreSQL the transaction is then rolled back)
     */
    public static Mono<PushReport> push(SchemaMeta schema, int datasourceIndex, ConnectionFactory connections) {
        boolean mysql = datasourceIndex >= 0 && datasourceIndex < schema.datasources().size()
                && schema.datasource(datasourceIndex).provider() == Provider.MYSQL;
        return Mono.fromCallable(() -> mysql ? MySqlDdl.render(schema, datasourceIndex)
                        : PostgresDdl.render(schema, datasourceIndex))
                .flatMap(script -> Mono.usingWhen(connections.create(),
                        connection -> mysql ? runOnMySql(connection, script, schema.datasource(datasourceIndex).name())
                                : run(connection, script, schema.datasource(datasourceIndex).name()),
                        Connection::close));
    }

    /** Looks the tables up, then creates them statement by statement, each committed on its own. */
    private static Mono<PushReport> runOnMySql(Connection connection, DdlScript script, String datasource) {
        StringBuilder lookup = new StringBuilder(EXISTING_MYSQL);
        for (int i = 0; i < script.tables().size(); i++) {
            lookup.append(i == 0 ? "?" : ", ?");
        }
        lookup.append(')');
        Statement statement = connection.createStatement(lookup.toString());
        for (int i = 0; i < script.tables().size(); i++) {
            statement.bind(i, script.tables().get(i));
        }
        Mono<Void> refuseExisting = script.tables().isEmpty() ? Mono.empty() : refuse(statement, datasource);
        return refuseExisting
                .thenMany(Flux.fromIterable(script.statements()).concatMap(sql -> execute(connection, sql)))
                .then(Mono.fromSupplier(() -> new PushReport(datasource, script.enumTypes(), script.tables(),
                        script.statements())));
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
        return refuse(connection.createStatement(EXISTING)
                .bind("$1", script.tables().toArray(String[]::new))
                .bind("$2", script.enumTypes().toArray(String[]::new)), datasource);
    }

    /** Fails with {@link DbPushRefusedException} when {@code lookup} finds anything: rows of what and where. */
    private static Mono<Void> refuse(Statement lookup, String datasource) {
        return Flux.from(lookup.execute())
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
