package dev.refract.r2dbc.migrate.diff;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.catalog.CatalogReader;
import dev.refract.r2dbc.catalog.DesiredCatalog;
import dev.refract.r2dbc.migrate.Migrator;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code db push} onto a database that already holds tables: brings it to the schema without a
 * migration history, for prototyping. It diffs what the database holds against what the schema
 * asks for, weighs the changes against the data (refusing data loss unless accepted), and runs
 * them: on PostgreSQL in one transaction, on MySQL statement by statement. A database whose schema
 * migrations keep ({@code _refract_migrations} is there) is refused: push would make it drift from
 * its history.
 */
public final class SchemaSync {

    private SchemaSync() {
    }

    /**
     * What a sync did.
     *
     * @param statements the statements it ran, in order; empty when the database already matched
     * @param warnings   the data it dropped, accepted by the caller
     */
    public record Report(List<String> statements, List<DataLossWarning> warnings) {

        public Report {
            statements = List.copyOf(statements);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Brings the database of {@code connections} to the datasource at {@code datasourceIndex} of
     * {@code schema}. Nothing happens until subscription.
     *
     * @return the report; fails with {@link MigrationRefusedException} naming every step that would
     *         lose data (unless {@code acceptDataLoss}) or cannot run on the data, and with
     *         {@link IllegalStateException} when the database keeps a migration history
     */
    public static Mono<Report> sync(SchemaMeta schema, int datasourceIndex, ConnectionFactory connections,
            boolean acceptDataLoss) {
        Provider provider = schema.datasource(datasourceIndex).provider();
        MigrationSql sql = MigrationSql.of(provider);
        return CatalogReader.read(connections, provider).flatMap(live -> {
            if (live.table(Migrator.HISTORY_TABLE).isPresent()) {
                return Mono.error(new IllegalStateException("The database of datasource '"
                        + schema.datasource(datasourceIndex).name() + "' keeps a migration history ("
                        + Migrator.HISTORY_TABLE + "): change it with migrations (refract migrate dev, then deploy),"
                        + " not db push, or it drifts from its history"));
            }
            SchemaChanges changes = SchemaDiff.between(live, DesiredCatalog.of(schema, datasourceIndex), Renames.NONE);
            if (changes.isEmpty()) {
                return Mono.just(new Report(List.of(), List.of()));
            }
            return MigrationPlanner.plan(changes, sql, connections, acceptDataLoss)
                    .map(MigrationPlan::requireApplicable)
                    .flatMap(plan -> run(connections, plan.statements(), provider == Provider.POSTGRESQL)
                            .thenReturn(new Report(plan.statements(), plan.warnings())));
        });
    }

    private static Mono<Void> run(ConnectionFactory connections, List<String> statements, boolean transactional) {
        return Mono.usingWhen(connections.create(), connection -> {
            Mono<Void> all = Flux.fromIterable(statements)
                    .concatMap(statement -> Flux.from(connection.createStatement(statement).execute())
                            .concatMap(result -> result.getRowsUpdated()))
                    .then();
            return transactional ? Mono.from(connection.beginTransaction()).then(all)
                    .then(Mono.from(connection.commitTransaction()))
                    .onErrorResume(error -> Mono.from(connection.rollbackTransaction()).then(Mono.error(error)))
                    : all;
        }, Connection::close);
    }
}
