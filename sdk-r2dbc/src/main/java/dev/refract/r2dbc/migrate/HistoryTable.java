package dev.refract.r2dbc.migrate;

import io.r2dbc.spi.Connection;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Reads and writes the {@code _refract_migrations} table of a namespace through a connection the
 * command holds, in the SQL of its {@link MigrationDialect}.
 */
final class HistoryTable {

    private final MigrationDialect dialect;

    HistoryTable(MigrationDialect dialect) {
        this.dialect = dialect;
    }

    /** Creates the table unless it exists; run under the migration lock, so creators never race. */
    Mono<Void> create(Connection connection) {
        return Statements.execute(connection, dialect.createTable()).then();
    }

    /** Every row, in the order they were written; none when the table does not exist. */
    Mono<List<HistoryEntry>> entriesIfAny(Connection connection) {
        return Statements.query(connection, dialect.tableExists(), row -> row.get(0, Long.class))
                .next()
                .flatMap(count -> count > 0 ? entries(connection) : Mono.just(List.of()));
    }

    /** Every row, in the order they were written. */
    Mono<List<HistoryEntry>> entries(Connection connection) {
        return Statements.query(connection, dialect.selectHistory(), row -> new HistoryEntry(
                        row.get("id", String.class),
                        row.get("checksum", String.class),
                        row.get("name", String.class),
                        dialect.instant(row, "started_at"),
                        dialect.instant(row, "finished_at"),
                        row.get("logs", String.class),
                        dialect.instant(row, "rolled_back_at"),
                        row.get("applied_steps_count", Integer.class)))
                .collectList();
    }

    /** Records that {@code migration} started; completes with the new row's id. */
    Mono<String> started(Connection connection, Migration migration) {
        String id = UUID.randomUUID().toString();
        return Statements.execute(connection, dialect.insertStarted(), id, migration.checksum(), migration.name())
                .thenReturn(id);
    }

    /** Records that {@code steps} statements of the attempt {@code id} are applied. */
    Mono<Void> steps(Connection connection, String id, int steps) {
        return Statements.execute(connection, dialect.recordSteps(), steps, id).then();
    }

    /** Records that the attempt {@code id} finished after {@code steps} statements. */
    Mono<Void> finished(Connection connection, String id, int steps) {
        return Statements.execute(connection, dialect.markFinished(), steps, id).then();
    }

    /** Records why the attempt {@code id} failed and how many statements it applied. */
    Mono<Void> failed(Connection connection, String id, String logs, int steps) {
        return Statements.execute(connection, dialect.markFailed(), logs, steps, id).then();
    }

    /** Records a whole attempt at once: failed (after its transaction rolled back) or finished. */
    Mono<Void> ended(Connection connection, Migration migration, boolean finished, String logs, int steps) {
        return Statements.execute(connection, dialect.insertEnded(), UUID.randomUUID().toString(),
                migration.checksum(), migration.name(), finished, logs, steps).then();
    }

    /** Marks the attempt {@code id} rolled back. */
    Mono<Void> rolledBack(Connection connection, String id) {
        return Statements.execute(connection, dialect.markRolledBack(), id).then();
    }
}
