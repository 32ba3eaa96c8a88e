package dev.refract.mongo.migrate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.refract.mongo.schema.DatabaseSchema;
import dev.refract.mongo.schema.SchemaDiff;
import dev.refract.mongo.schema.SchemaReader;
import dev.refract.mongo.schema.SchemaStep;
import dev.refract.mongo.schema.StepRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The migration commands of one MongoDB datasource — {@code migrate deploy}, {@code status},
 * {@code resolve} and {@code reset} — against one database. The history lives in its
 * {@code _refract_migrations} collection, one document per attempt (fields {@code _id},
 * {@code checksum}, {@code name}, {@code started_at}, {@code finished_at}, {@code logs},
 * {@code rolled_back_at}, {@code applied_steps_count}, as the SQL datasources' table has them). Every
 * command but status holds the {@link MigrationLock} while it works, so concurrent deploys run one
 * after the other and each migration applies once. MongoDB has no transaction for collection and
 * index changes, so steps apply one by one and the history counts them, as on MySQL; each step is
 * idempotent ({@link StepRunner}), so a migration resolved rolled back can simply run again.
 *
 * <p>Nothing happens until subscription; progress goes to the {@link MongoMigrationListener}.
 */
public final class MongoMigrator {

    /** The collection that records the history. */
    public static final String HISTORY = SchemaReader.HISTORY;

    /** How long a command waits for the migration lock unless told otherwise. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    /** How long a lock lasts unless its holder renews it. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    private final MongoDatabase database;
    private final MongoCollection<Document> history;
    private final MongoMigrationListener listener;
    private final Duration lockTimeout;
    private final Duration lease;

    private MongoMigrator(MongoDatabase database, MongoMigrationListener listener, Duration lockTimeout,
            Duration lease) {
        this.database = database;
        this.history = database.getCollection(HISTORY);
        this.listener = listener;
        this.lockTimeout = lockTimeout;
        this.lease = lease;
    }

    /** Commands for {@code database}. */
    public static MongoMigrator of(MongoDatabase database) {
        return new MongoMigrator(Objects.requireNonNull(database, "database"), MongoMigrationListener.IGNORE,
                DEFAULT_LOCK_TIMEOUT, DEFAULT_LEASE);
    }

    /** These commands, reporting their progress to {@code listener}. */
    public MongoMigrator withListener(MongoMigrationListener listener) {
        return new MongoMigrator(database, Objects.requireNonNull(listener, "listener"), lockTimeout, lease);
    }

    /** These commands, waiting up to {@code timeout} for the lock and holding it with leases of {@code lease}. */
    public MongoMigrator withLock(Duration timeout, Duration lease) {
        if (timeout.isNegative() || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("The lock timeout " + timeout + " and lease " + lease
                    + " must not be negative, and the lease not zero");
        }
        return new MongoMigrator(database, listener, timeout, lease);
    }

    /**
     * {@code migrate deploy}: applies the pending migrations of {@code directory} in order. Refuses,
     * applying nothing, while an applied migration was edited or a failed one is unresolved. A failing
     * step stops the deploy: the failure is recorded, then the deploy fails with
     * {@link MongoMigrationException.Failed}.
     */
    public Mono<MongoDeployReport> deploy(MongoMigrationDirectory directory) {
        return locked(() -> deployHeld(directory));
    }

    /**
     * {@code migrate status}: compares the history with {@code directory}, and the database's
     * collections and indexes with what the applied migrations make (the drift), without the lock or
     * writing anything.
     */
    public Mono<MongoMigrationStatus> status(MongoMigrationDirectory directory) {
        return entries().map(entries -> MongoMigrationStatus.of(directory, entries))
                .flatMap(status -> SchemaReader.read(database).map(actual -> status.withDrift(drift(
                        MongoMigrationDirectory.replay(status.appliedMigrations(directory)), actual))));
    }

    /** How {@code actual} differs from {@code history}, in words: the steps that would take it back, said as findings. */
    private static List<String> drift(DatabaseSchema history, DatabaseSchema actual) {
        return SchemaDiff.between(actual, history).stream().map(step -> {
            if (step instanceof SchemaStep.DropIndex drop) {
                return "index " + drop.index() + " of " + drop.collection() + " is not made by the migrations"
                        + " as the database has it";
            }
            if (step instanceof SchemaStep.CreateIndex create) {
                return create.index().describe() + " of " + create.collection() + " is made by the migrations but"
                        + " is not in the database as they make it";
            }
            if (step instanceof SchemaStep.CreateCollection create) {
                return "collection " + create.collection() + " is made by the migrations but is not in the database";
            }
            return step.describe();
        }).toList();
    }

    /**
     * {@code migrate resolve --rolled-back}: marks the failed migration {@code name} rolled back, so
     * that deploy applies it again. What its applied steps did stays; applying them again is harmless.
     */
    public Mono<Void> resolveRolledBack(MongoMigrationDirectory directory, String name) {
        return locked(() -> entries().flatMap(entries -> {
            MongoMigrationStatus status = MongoMigrationStatus.of(directory, entries);
            return status.failed().stream().filter(entry -> entry.name().equals(name)).findFirst()
                    .map(failed -> rolledBack(failed.id()))
                    .orElseGet(() -> Mono.error(notFailed(status, name)));
        }));
    }

    /**
     * {@code migrate resolve --applied}: records the migration {@code name} of {@code directory} as
     * applied without running it, marking a failed attempt of it rolled back.
     */
    public Mono<Void> resolveApplied(MongoMigrationDirectory directory, String name) {
        return Mono.defer(() -> {
            MongoMigration migration = directory.find(name).orElseThrow(() ->
                    new MongoMigrationException.DirectoryProblem("The migrations directory " + directory.path()
                            + " has no migration " + name + ": resolve --applied records a migration of the"
                            + " directory, so name one of its directories", null));
            return locked(() -> entries().flatMap(entries -> {
                MongoMigrationStatus status = MongoMigrationStatus.of(directory, entries);
                if (status.applied().stream().anyMatch(entry -> entry.name().equals(name))) {
                    return Mono.error(new MongoMigrationException.ResolveRefused("Migration " + name + " is applied"
                            + " already, so there is nothing to resolve: to change what it did, write a new"
                            + " migration"));
                }
                Instant now = Instant.now();
                return Flux.fromIterable(status.failed()).filter(entry -> entry.name().equals(name))
                        .concatMap(failed -> rolledBack(failed.id()))
                        .then(Mono.from(history.insertOne(new Document("_id", new ObjectId().toHexString())
                                .append("checksum", migration.checksum()).append("name", name)
                                .append("started_at", Date.from(now)).append("finished_at", Date.from(now))
                                .append("logs", "recorded as applied by migrate resolve --applied")
                                .append("rolled_back_at", null).append("applied_steps_count", 0))))
                        .then();
            }));
        });
    }

    /**
     * {@code migrate reset}: drops every collection of the database, the history included (not the
     * lock), then applies every migration of {@code directory} as deploy does, under the lock.
     *
     * @param confirmed that the user agreed to lose every document; {@code false} refuses
     * @return the collections dropped, then the deploy that followed
     */
    public Mono<MongoDeployReport> reset(MongoMigrationDirectory directory, boolean confirmed) {
        if (!confirmed) {
            return Mono.error(new IllegalArgumentException("migrate reset drops every collection of the datasource "
                    + directory.datasource() + " with all its documents: confirm it (the command line asks, or takes"
                    + " --force)"));
        }
        return locked(() -> Flux.from(database.listCollectionNames())
                .filter(name -> !name.startsWith("system.") && !name.equals(MigrationLock.COLLECTION))
                .sort()
                .concatMap(name -> Mono.from(database.getCollection(name).drop()).thenReturn(name))
                .collectList()
                .doOnNext(dropped -> listener.on(new MongoMigrationEvent.CollectionsDropped(dropped)))
                .then(deployHeld(directory)));
    }

    private <T> Mono<T> locked(Supplier<Mono<T>> work) {
        MigrationLock lock = new MigrationLock(database, lease);
        return Mono.usingWhen(lock.take(lockTimeout, listener), held -> work.get(), lock::release);
    }

    /** Every attempt, in the order they were written. */
    private Mono<List<MongoHistoryEntry>> entries() {
        return Flux.from(history.find().sort(Sorts.ascending("started_at", "_id")))
                .map(MongoMigrator::entry)
                .collectList();
    }

    private static MongoHistoryEntry entry(Document document) {
        return new MongoHistoryEntry(String.valueOf(document.get("_id")), document.getString("checksum"),
                document.getString("name"), instant(document, "started_at"), instant(document, "finished_at"),
                document.getString("logs"), instant(document, "rolled_back_at"),
                document.get("applied_steps_count", Number.class) == null ? 0
                        : document.get("applied_steps_count", Number.class).intValue());
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private Mono<MongoDeployReport> deployHeld(MongoMigrationDirectory directory) {
        return entries().flatMap(entries -> {
            MongoMigrationStatus status = MongoMigrationStatus.of(directory, entries);
            if (!status.edited().isEmpty()) {
                return Mono.error(new MongoMigrationException.Edited(status.edited()));
            }
            if (!status.failed().isEmpty()) {
                return Mono.error(new MongoMigrationException.Unresolved(status.failed().get(0),
                        directory.datasource()));
            }
            List<MongoMigration> pending = status.pending();
            return Flux.range(0, pending.size())
                    .concatMap(index -> apply(pending.get(index), index + 1, pending.size()))
                    .collectList()
                    .map(applied -> new MongoDeployReport(directory.datasource(), applied));
        });
    }

    /** Applies one migration step by step, recording it; completes with its name. */
    private Mono<String> apply(MongoMigration migration, int position, int count) {
        return Mono.defer(() -> {
            listener.on(new MongoMigrationEvent.Started(migration.name(), position, count, migration.steps().size()));
            long start = System.nanoTime();
            String id = new ObjectId().toHexString();
            Document started = new Document("_id", id).append("checksum", migration.checksum())
                    .append("name", migration.name()).append("started_at", new Date()).append("finished_at", null)
                    .append("logs", null).append("rolled_back_at", null).append("applied_steps_count", 0);
            return Mono.from(history.insertOne(started))
                    .thenMany(Flux.range(0, migration.steps().size()).concatMap(index ->
                            StepRunner.run(database, migration.steps().get(index))
                                    .onErrorMap(error -> new MongoMigrationException.Failed(migration.name(),
                                            index + 1, error))
                                    .then(Mono.from(history.updateOne(Filters.eq("_id", id),
                                            Updates.set("applied_steps_count", index + 1))))))
                    .then(Mono.from(history.updateOne(Filters.eq("_id", id),
                            Updates.set("finished_at", new Date()))))
                    .doOnSuccess(done -> listener.on(new MongoMigrationEvent.Applied(migration.name(),
                            Duration.ofNanos(System.nanoTime() - start))))
                    .onErrorResume(MongoMigrationException.Failed.class, failure -> {
                        listener.on(new MongoMigrationEvent.Failed(migration.name(),
                                Duration.ofNanos(System.nanoTime() - start)));
                        return Mono.from(history.updateOne(Filters.eq("_id", id), Updates.combine(
                                        Updates.set("logs", "step " + (failure.appliedSteps() + 1) + " failed: "
                                                + failure.getCause().getMessage() + "\n"
                                                + migration.steps().get(failure.appliedSteps()).command().toJson()),
                                        Updates.set("applied_steps_count", failure.appliedSteps()))))
                                .then(Mono.error(failure));
                    })
                    .thenReturn(migration.name());
        });
    }

    private Mono<Void> rolledBack(String id) {
        return Mono.from(history.updateOne(Filters.eq("_id", id), Updates.set("rolled_back_at", new Date()))).then();
    }

    private static MongoMigrationException notFailed(MongoMigrationStatus status, String name) {
        boolean applied = status.applied().stream().anyMatch(entry -> entry.name().equals(name));
        String failed = status.failed().isEmpty() ? "no migration has failed"
                : "the failed one is " + status.failed().get(0).name();
        return new MongoMigrationException.ResolveRefused(applied
                ? "Migration " + name + " is applied, not failed: resolve --rolled-back only settles a failed"
                        + " migration; to undo what an applied one did, write a new migration"
                : "Migration " + name + " has no unresolved failure in the history of datasource "
                        + status.datasource() + " (" + failed + "): name the failed migration");
    }
}
