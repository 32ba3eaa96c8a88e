package dev.refract.r2dbc.migrate;

import dev.refract.meta.Provider;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The migration commands of one relational datasource — {@code migrate deploy}, {@code status},
 * {@code resolve} and {@code reset} — against the namespace its connections open (PostgreSQL's
 * current schema, MySQL's database). The history lives in that namespace's
 * {@code _refract_migrations} table, created on first use. Every command but status holds the
 * namespace's migration lock while it works, so concurrent commands on one database run one after
 * the other and each migration applies exactly once.
 *
 * <p>Each command uses one connection of the factory for its whole run and closes it at the end.
 * Nothing happens until subscription. Progress goes to the {@link MigrationListener}; nothing is
 * printed. Reading the migrations directory blocks and is done beforehand, by
 * {@link MigrationDirectory#read}.
 *
 * <pre>{@code
 * MigrationDirectory migrations = MigrationDirectory.read(Path.of("migrations"), "db");
 * Migrator.of(ConnectionFactories.get(url), Provider.POSTGRESQL)
 *         .withListener(event -> System.out.println(event))
 *         .deploy(migrations)
 *         .block();
 * }</pre>
 */
public final class Migrator {

    /** The table, in the datasource's own namespace, that records its migration history. */
    public static final String HISTORY_TABLE = MigrationDialect.TABLE;

    /** How long a command waits for the migration lock unless told otherwise. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    private final ConnectionFactory connections;
    private final MigrationDialect dialect;
    private final HistoryTable history;
    private final MigrationListener listener;
    private final Duration lockTimeout;

    private Migrator(ConnectionFactory connections, MigrationDialect dialect, MigrationListener listener,
            Duration lockTimeout) {
        this.connections = connections;
        this.dialect = dialect;
        this.history = new HistoryTable(dialect);
        this.listener = listener;
        this.lockTimeout = lockTimeout;
    }

    /**
     * Commands for the database {@code connections} open, which speaks {@code provider}.
     *
     * @throws IllegalArgumentException for a provider without SQL (MongoDB, Redis)
     */
    public static Migrator of(ConnectionFactory connections, Provider provider) {
        return new Migrator(Objects.requireNonNull(connections, "connections"), MigrationDialect.of(provider),
                MigrationListener.IGNORE, DEFAULT_LOCK_TIMEOUT);
    }

    /** These commands, reporting their progress to {@code listener}. */
    public Migrator withListener(MigrationListener listener) {
        return new Migrator(connections, dialect, Objects.requireNonNull(listener, "listener"), lockTimeout);
    }

    /**
     * These commands, waiting up to {@code timeout} for the migration lock.
     *
     * @throws IllegalArgumentException when {@code timeout} is negative
     */
    public Migrator withLockTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The lock timeout " + timeout + " is negative: pass zero or more");
        }
        return new Migrator(connections, dialect, listener, timeout);
    }

    /**
     * {@code migrate deploy}: applies the pending migrations of {@code directory} in order. Refuses,
     * applying nothing, while an applied migration was edited ({@link EditedMigrationException}) or a
     * failed one is unresolved ({@link UnresolvedMigrationException}). On PostgreSQL each migration
     * runs in one transaction with its history row; on MySQL statement by statement, counting them.
     * A failing statement stops the deploy: the failure is recorded, then the deploy fails with
     * {@link MigrationFailedException}. Migrations applied earlier but no longer in the directory are
     * left alone (status shows them).
     *
     * @return the migrations applied, none when the database was up to date
     */
    public Mono<DeployReport> deploy(MigrationDirectory directory) {
        return locked(connection -> history.create(connection).then(deploy(connection, directory)));
    }

    /**
     * {@code migrate status}: compares the history table with {@code directory}, without taking the
     * lock or writing anything (a database without the table has applied nothing). The drift between
     * the database and its history is not checked: see {@link #status(MigrationDirectory, DriftCheck)}.
     */
    public Mono<MigrationStatus> status(MigrationDirectory directory) {
        return Mono.usingWhen(connections.create(),
                connection -> history.entriesIfAny(connection)
                        .map(entries -> MigrationStatus.of(directory, entries)),
                Connection::close);
    }

    /** {@code migrate status} with a drift check run on the applied migrations once the history is read. */
    public Mono<MigrationStatus> status(MigrationDirectory directory, DriftCheck drift) {
        return status(directory).flatMap(status -> drift.differences(status.appliedMigrations(directory))
                .map(differences -> status.withDrift(differences.isEmpty() ? new Drift.None()
                        : new Drift.Found(differences))));
    }

    /**
     * {@code migrate resolve --rolled-back}: marks the failed migration {@code name} rolled back, so
     * that deploy applies it again. Whatever the failed attempt left in the database stays: on
     * MySQL, undo its applied statements by hand first (the history's {@code applied_steps_count}
     * and {@code logs} say which).
     *
     * @return completes when recorded; fails with {@link ResolveRefusedException} when {@code name}
     *         has no unresolved failure
     */
    public Mono<Void> resolveRolledBack(MigrationDirectory directory, String name) {
        return locked(connection -> history.create(connection)
                .then(history.entries(connection))
                .flatMap(entries -> {
                    MigrationStatus status = MigrationStatus.of(directory, entries);
                    return status.failed().stream().filter(entry -> entry.name().equals(name)).findFirst()
                            .map(failed -> history.rolledBack(connection, failed.id()))
                            .orElseGet(() -> Mono.error(notFailed(status, name)));
                }));
    }

    /**
     * {@code migrate resolve --applied}: records the migration {@code name} of {@code directory} as
     * applied without running it, because its work was done by hand (after a failure, or in a
     * database that existed before its migrations). A failed attempt of it is marked rolled back in
     * the same transaction. The recorded checksum is the script's as it is now.
     *
     * @return completes when recorded; fails with {@link MigrationDirectoryException} when the
     *         directory has no such migration, or {@link ResolveRefusedException} when it is applied already
     */
    public Mono<Void> resolveApplied(MigrationDirectory directory, String name) {
        return Mono.defer(() -> {
            Migration migration = directory.find(name).orElseThrow(() -> new MigrationDirectoryException(
                    directory.path(), "The migrations directory " + directory.path() + " has no migration " + name
                    + ": resolve --applied records a migration of the directory, so name one of its directories"));
            return locked(connection -> history.create(connection)
                    .then(history.entries(connection))
                    .flatMap(entries -> {
                        MigrationStatus status = MigrationStatus.of(directory, entries);
                        if (status.applied().stream().anyMatch(entry -> entry.name().equals(name))) {
                            return Mono.error(new ResolveRefusedException(name, "Migration " + name + " is applied"
                                    + " already, so there is nothing to resolve: to change what it did, write a"
                                    + " new migration"));
                        }
                        Flux<Void> settleFailures = Flux.fromIterable(status.failed())
                                .filter(entry -> entry.name().equals(name))
                                .concatMap(failed -> history.rolledBack(connection, failed.id()));
                        return Statements.inTransaction(connection, settleFailures
                                .then(history.ended(connection, migration, true,
                                        "recorded as applied by migrate resolve --applied", 0)));
                    }));
        });
    }

    /**
     * {@code migrate reset}: drops everything in the namespace — PostgreSQL: the current schema's
     * tables, views, sequences, functions and types; MySQL: the database's tables, views, sequences
     * and stored routines; the history table with them — then applies every migration of
     * {@code directory} as deploy does. The lock is held throughout.
     *
     * @param confirmed that the user agreed to lose every row: the command line asks, or takes
     *                  {@code --force}; {@code false} refuses with {@link IllegalArgumentException}
     */
    public Mono<ResetReport> reset(MigrationDirectory directory, boolean confirmed) {
        if (!confirmed) {
            return Mono.error(new IllegalArgumentException("migrate reset drops every table of the datasource "
                    + directory.datasource() + " with all its rows: confirm it (the command line asks, or takes"
                    + " --force)"));
        }
        return locked(connection -> dialect.dropEverything(connection)
                .doOnNext(dropped -> listener.on(new MigrationEvent.NamespaceDropped(dropped)))
                .flatMap(dropped -> history.create(connection)
                        .then(deploy(connection, directory))
                        .map(report -> new ResetReport(dropped, report))));
    }

    /** Runs {@code work} on one connection while holding the migration lock, releasing both at the end. */
    private <T> Mono<T> locked(Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(connections.create(),
                connection -> Mono.usingWhen(dialect.lock(connection, lockTimeout, listener),
                        lock -> work.apply(connection),
                        lock -> dialect.unlock(connection, lock)),
                Connection::close);
    }

    private Mono<DeployReport> deploy(Connection connection, MigrationDirectory directory) {
        return history.entries(connection).flatMap(entries -> {
            MigrationStatus status = MigrationStatus.of(directory, entries);
            if (!status.edited().isEmpty()) {
                return Mono.error(new EditedMigrationException(status.edited()));
            }
            if (!status.failed().isEmpty()) {
                return Mono.error(new UnresolvedMigrationException(status.failed().get(0), directory.datasource()));
            }
            List<Migration> pending = status.pending();
            return Flux.range(0, pending.size())
                    .concatMap(index -> apply(connection, pending.get(index), index + 1, pending.size()))
                    .collectList()
                    .map(applied -> new DeployReport(directory.datasource(), applied));
        });
    }

    /** Applies one migration, reporting its start and end; completes with its name. */
    private Mono<String> apply(Connection connection, Migration migration, int position, int count) {
        return Mono.defer(() -> {
            List<ScriptStatement> statements = ScriptSplitter.split(migration.sql(), dialect.syntax());
            listener.on(new MigrationEvent.Started(migration.name(), position, count, statements.size()));
            long start = System.nanoTime();
            Mono<Void> run = dialect.transactional() ? applyInTransaction(connection, migration, statements)
                    : applyStepwise(connection, migration, statements);
            return run
                    .doOnSuccess(done -> listener.on(new MigrationEvent.Applied(migration.name(),
                            Duration.ofNanos(System.nanoTime() - start))))
                    .doOnError(MigrationFailedException.class, failure -> listener.on(new MigrationEvent.Failed(
                            migration.name(), Duration.ofNanos(System.nanoTime() - start), failure)))
                    .thenReturn(migration.name());
        });
    }

    /**
     * One transaction holds the statements and the history row, so a failure leaves nothing of the
     * migration; the failure is recorded after the rollback, in a row of its own.
     */
    private Mono<Void> applyInTransaction(Connection connection, Migration migration,
            List<ScriptStatement> statements) {
        Mono<Void> work = history.started(connection, migration)
                .flatMap(id -> Flux.fromIterable(statements)
                        .concatMap(statement -> Statements.execute(connection, statement.sql())
                                .onErrorMap(error -> !(error instanceof MigrationException),
                                        error -> new MigrationFailedException(migration.name(), statement, 0, true,
                                                error)))
                        .then(history.finished(connection, id, statements.size())));
        return Statements.inTransaction(connection, work)
                .onErrorResume(MigrationFailedException.class, failure -> history.ended(connection, migration,
                        false, failure.logs(), 0).then(Mono.error(failure)));
    }

    /**
     * Statements run one by one, each committed as it completes; the history row is written first
     * and counts them, so a failure (or a crash) shows how far the migration got.
     */
    private Mono<Void> applyStepwise(Connection connection, Migration migration, List<ScriptStatement> statements) {
        return history.started(connection, migration).flatMap(id -> Flux.fromIterable(statements)
                .concatMap(statement -> Statements.execute(connection, statement.sql())
                        .onErrorMap(error -> !(error instanceof MigrationException),
                                error -> new MigrationFailedException(migration.name(), statement,
                                        statement.number() - 1, false, error))
                        .then(history.steps(connection, id, statement.number())))
                .then(history.finished(connection, id, statements.size()))
                .onErrorResume(MigrationFailedException.class, failure -> history.failed(connection, id,
                        failure.logs(), failure.appliedSteps()).then(Mono.error(failure))));
    }

    private static ResolveRefusedException notFailed(MigrationStatus status, String name) {
        boolean applied = status.applied().stream().anyMatch(entry -> entry.name().equals(name));
        String failed = status.failed().isEmpty() ? "no migration has failed"
                : "the failed one is " + status.failed().get(0).name();
        return new ResolveRefusedException(name, applied
                ? "Migration " + name + " is applied, not failed: resolve --rolled-back only settles a failed"
                        + " migration; to undo what an applied one did, write a new migration"
                : "Migration " + name + " has no unresolved failure in the history of datasource "
                        + status.datasource() + " (" + failed + "): name the failed migration");
    }
}
