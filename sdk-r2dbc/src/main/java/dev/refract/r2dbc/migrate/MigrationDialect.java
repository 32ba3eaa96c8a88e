package dev.refract.r2dbc.migrate;

import dev.refract.meta.Provider;
import dev.refract.r2dbc.sql.SqlScanner;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * What migration commands do differently on each relational database: the history table's SQL,
 * the lock that serialises commands, whether a migration runs in a transaction, and what a reset
 * drops. Every statement here works on the connection's own namespace: PostgreSQL's current
 * schema, MySQL's current database.
 */
sealed interface MigrationDialect permits PostgresMigrations, MySqlMigrations {

    /** The table that records the history. */
    String TABLE = "_refract_migrations";

    /** The dialect of a relational provider. */
    static MigrationDialect of(Provider provider) {
        return switch (provider) {
            case POSTGRESQL -> new PostgresMigrations();
            case MYSQL -> new MySqlMigrations();
            case MONGODB, REDIS -> throw new IllegalArgumentException("Migrations apply SQL scripts to PostgreSQL and"
                    + " MySQL datasources, and " + provider.schemaName() + " has no SQL: keep migrations for the"
                    + " relational datasources only");
        };
    }

    /** How the database's scripts are written. */
    SqlScanner.Syntax syntax();

    /**
     * Whether a migration and its history row run in one transaction, so that a failure leaves
     * nothing of it. Where data definition commits on its own (MySQL), statements run one by one and
     * the history counts the applied ones.
     */
    boolean transactional();

    /** Creates the history table unless it exists. */
    String createTable();

    /** One row, one count: 1 when the history table exists in the namespace, 0 when not. */
    String tableExists();

    /** Every row: id, checksum, name, started_at, finished_at, logs, rolled_back_at, applied_steps_count. */
    default String selectHistory() {
        return "SELECT id, checksum, name, started_at, finished_at, logs, rolled_back_at, applied_steps_count FROM "
                + TABLE + " ORDER BY started_at, name";
    }

    /** The expression of the current time, to the millisecond or finer, in UTC. */
    String now();

    /** The placeholder of the {@code position}th parameter of a statement, from 1. */
    String parameter(int position);

    /** Records an attempt as started: id, checksum, name. */
    default String insertStarted() {
        return "INSERT INTO " + TABLE + " (id, checksum, name, started_at) VALUES (" + parameter(1) + ", "
                + parameter(2) + ", " + parameter(3) + ", " + now() + ")";
    }

    /** Records an attempt that is over: id, checksum, name, whether it finished (a boolean), logs, applied steps. */
    default String insertEnded() {
        return "INSERT INTO " + TABLE + " (id, checksum, name, started_at, finished_at, logs, applied_steps_count)"
                + " VALUES (" + parameter(1) + ", " + parameter(2) + ", " + parameter(3) + ", " + now()
                + ", CASE WHEN " + parameter(4) + " THEN " + now() + " END, " + parameter(5) + ", " + parameter(6)
                + ")";
    }

    /** Counts the applied statements of an attempt: steps, id. */
    default String recordSteps() {
        return "UPDATE " + TABLE + " SET applied_steps_count = " + parameter(1) + " WHERE id = " + parameter(2);
    }

    /** Marks an attempt finished: steps, id. */
    default String markFinished() {
        return "UPDATE " + TABLE + " SET finished_at = " + now() + ", applied_steps_count = " + parameter(1)
                + " WHERE id = " + parameter(2);
    }

    /** Records why an attempt failed: logs, steps, id. */
    default String markFailed() {
        return "UPDATE " + TABLE + " SET logs = " + parameter(1) + ", applied_steps_count = " + parameter(2)
                + " WHERE id = " + parameter(3);
    }

    /** Marks an attempt rolled back: id. */
    default String markRolledBack() {
        return "UPDATE " + TABLE + " SET rolled_back_at = " + now() + " WHERE id = " + parameter(1);
    }

    /** A timestamp column of a history row. */
    Instant instant(Row row, String column);

    /**
     * Takes the namespace's migration lock on {@code connection}, telling {@code listener} when it
     * has to wait.
     *
     * @return the lock's name, for {@link #unlock}; fails with {@link MigrationLockException} when
     *         it is not free within {@code timeout}
     */
    Mono<String> lock(Connection connection, Duration timeout, MigrationListener listener);

    /** Releases the lock {@link #lock} took on the same connection. */
    Mono<Void> unlock(Connection connection, String lock);

    /**
     * Drops everything the namespace holds, the history table included.
     *
     * @return what was dropped, e.g. {@code table "User"}
     */
    Mono<List<String>> dropEverything(Connection connection);
}
