package dev.refract.r2dbc.migrate;

import dev.refract.r2dbc.sql.SqlScanner;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Row;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Migrations on MySQL and MariaDB. Data definition commits on its own there, so a migration cannot
 * be rolled back: its statements run one by one and the history row counts the applied ones, so a
 * failure says how far the migration got. Commands serialise on a named lock ({@code GET_LOCK})
 * scoped to the connection's database. Times in the history are UTC.
 */
final class MySqlMigrations implements MigrationDialect {

    /** MySQL refuses lock names longer than this. */
    private static final int LONGEST_LOCK_NAME = 64;
    private static final String LOCK_PREFIX = "refract_migrate.";

    private static final String EVERYTHING = "SELECT CASE table_type WHEN 'VIEW' THEN 'VIEW'"
            + " WHEN 'SEQUENCE' THEN 'SEQUENCE' ELSE 'TABLE' END, table_name"
            + " FROM information_schema.tables WHERE table_schema = DATABASE()"
            + " UNION ALL SELECT routine_type, routine_name FROM information_schema.routines"
            + " WHERE routine_schema = DATABASE()";

    @Override
    public SqlScanner.Syntax syntax() {
        return SqlScanner.Syntax.MYSQL;
    }

    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public String createTable() {
        return "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + "id VARCHAR(36) NOT NULL PRIMARY KEY, "
                + "checksum VARCHAR(64) NOT NULL, "
                + "name VARCHAR(255) NOT NULL, "
                + "started_at DATETIME(3) NOT NULL, "
                + "finished_at DATETIME(3) NULL, "
                + "logs TEXT NULL, "
                + "rolled_back_at DATETIME(3) NULL, "
                + "applied_steps_count INT NOT NULL DEFAULT 0"
                + ") ENGINE = InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
    }

    @Override
    public String tableExists() {
        return "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '"
                + TABLE + "'";
    }

    @Override
    public String now() {
        return "UTC_TIMESTAMP(3)";
    }

    @Override
    public String parameter(int position) {
        return "?";
    }

    @Override
    public Instant instant(Row row, String column) {
        LocalDateTime utc = row.get(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    /**
     * Asks {@code GET_LOCK} without waiting first, so that a wait can be reported, then waits in
     * {@code GET_LOCK} itself with the timeout rounded up to whole seconds.
     */
    @Override
    public Mono<String> lock(Connection connection, Duration timeout, MigrationListener listener) {
        return Statements.query(connection, "SELECT DATABASE()", row -> Optional.ofNullable(row.get(0, String.class)))
                .next()
                .flatMap(database -> {
                    if (database.isEmpty()) {
                        return Mono.error(new MigrationLockException(LOCK_PREFIX + "?", "the connection has no"
                                + " current database: name the database in the connection URL"));
                    }
                    String lock = lockName(database.get());
                    long seconds = (timeout.toMillis() + 999) / 1000;
                    return getLock(connection, lock, 0).flatMap(taken -> {
                        if (taken) {
                            return Mono.just(lock);
                        }
                        listener.on(new MigrationEvent.WaitingForLock(lock));
                        Mono<Boolean> wait = seconds == 0 ? Mono.just(false) : getLock(connection, lock, seconds);
                        return wait.flatMap(later -> later ? Mono.just(lock)
                                : Mono.error(new MigrationLockException(lock, timeout)));
                    });
                });
    }

    /** {@code GET_LOCK}: true when taken, false when the wait ran out; an error when the server refuses. */
    private static Mono<Boolean> getLock(Connection connection, String lock, long seconds) {
        return Statements.query(connection, "SELECT GET_LOCK(?, ?)", row -> Optional.ofNullable(row.get(0, Long.class)),
                        lock, seconds)
                .next()
                .flatMap(result -> result.isPresent() ? Mono.just(result.get() == 1L)
                        : Mono.error(new MigrationLockException(lock, "the server answered GET_LOCK with NULL (out of"
                                + " memory, or the thread was killed): try again")));
    }

    @Override
    public Mono<Void> unlock(Connection connection, String lock) {
        return Statements.query(connection, "SELECT RELEASE_LOCK(?)", row -> Optional.ofNullable(row.get(0, Long.class)),
                lock).then();
    }

    /**
     * Drops views, tables, sequences and stored routines with foreign key checks off, so tables
     * drop in any order; the checks are switched back on also when a drop fails.
     */
    @Override
    public Mono<List<String>> dropEverything(Connection connection) {
        return Statements.query(connection, EVERYTHING, row -> List.of(row.get(0, String.class),
                        row.get(1, String.class)))
                .collectList()
                .flatMap(objects -> Statements.execute(connection, "SET FOREIGN_KEY_CHECKS = 0")
                        .thenMany(Flux.fromIterable(objects).concatMap(object -> Statements.execute(connection,
                                "DROP " + object.get(0) + " IF EXISTS " + quote(object.get(1)))))
                        .then(Statements.execute(connection, "SET FOREIGN_KEY_CHECKS = 1"))
                        .onErrorResume(error -> Statements.execute(connection, "SET FOREIGN_KEY_CHECKS = 1")
                                .onErrorResume(resetError -> {
                                    error.addSuppressed(resetError);
                                    return Mono.empty();
                                })
                                .then(Mono.error(error)))
                        .thenReturn(objects.stream()
                                .map(object -> object.get(0).toLowerCase(Locale.ROOT) + " " + quote(object.get(1)))
                                .toList()));
    }

    /** The lock of a database: readable where the name fits MySQL's limit, a digest of it where not. */
    static String lockName(String database) {
        String readable = LOCK_PREFIX + database;
        if (readable.length() <= LONGEST_LOCK_NAME) {
            return readable;
        }
        byte[] digest = Checksums.sha256(database.getBytes(StandardCharsets.UTF_8));
        return LOCK_PREFIX + HexFormat.of().formatHex(digest).substring(0, LONGEST_LOCK_NAME - LOCK_PREFIX.length());
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
