package dev.refract.mongo.migrate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.refract.mongo.schema.SchemaReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The migration lock of a MongoDB database: one document, {@code {_id: "migrate"}}, in
 * {@code _refract_migrations_lock}, naming its holder and when its lease ends. A command takes it by
 * an upsert that matches only an expired lease, so of two commands racing, MongoDB's unique
 * {@code _id} lets one in and refuses the other a duplicate key; the other polls until the lock is
 * free or its timeout passes. The holder renews the lease while it works and deletes the document
 * at the end; a holder that died stops renewing, and its lock is taken over once the lease ends.
 * Leases are measured by the commands' own clocks, so machines that migrate one database should
 * keep their clocks within a fraction of the lease of each other.
 */
public final class MigrationLock {

    /** The collection of the lock document. */
    public static final String COLLECTION = SchemaReader.HISTORY_LOCK;

    private static final String ID = "migrate";
    private static final Duration POLL = Duration.ofMillis(100);

    private final MongoCollection<Document> locks;
    private final Duration lease;

    MigrationLock(MongoDatabase database, Duration lease) {
        this.locks = database.getCollection(COLLECTION);
        this.lease = lease;
    }

    /** A lock taken: its holder's id and the renewal that keeps its lease alive. */
    record Held(String owner, Disposable renewal) {
    }

    /**
     * Takes the lock, waiting up to {@code timeout}, telling {@code listener} when it has to wait.
     *
     * @return the lock held; fails with {@link MongoMigrationException.LockNotTaken} on timeout
     */
    Mono<Held> take(Duration timeout, MongoMigrationListener listener) {
        return Mono.defer(() -> {
            String owner = UUID.randomUUID().toString();
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean[] told = {false};
            return attempt(owner)
                    .filter(Boolean::booleanValue)
                    .repeatWhenEmpty(attempts -> attempts.concatMap(n -> {
                        if (System.nanoTime() > deadline) {
                            return Mono.error(new MongoMigrationException.LockNotTaken("Could not take the migration"
                                    + " lock (" + COLLECTION + ") within " + timeout.toSeconds() + " s: another"
                                    + " `refract migrate` command holds it on this database. Wait for it to finish and"
                                    + " run again, or allow a longer wait; a command that died leaves the lock until"
                                    + " its lease of " + lease.toSeconds() + " s ends"));
                        }
                        if (!told[0]) {
                            told[0] = true;
                            listener.on(new MongoMigrationEvent.WaitingForLock(COLLECTION));
                        }
                        return Mono.delay(POLL);
                    }))
                    .map(taken -> new Held(owner, Flux.interval(lease.dividedBy(3))
                            .concatMap(tick -> Mono.from(locks.updateOne(mine(owner),
                                    Updates.set("expires_at", Date.from(Instant.now().plus(lease))))))
                            .subscribe(renewed -> { }, failure -> { })));
        });
    }

    /** Releases {@code held}: stops renewing and deletes the lock document if it is still its own. */
    Mono<Void> release(Held held) {
        return Mono.defer(() -> {
            held.renewal().dispose();
            return Mono.from(locks.deleteOne(mine(held.owner()))).then();
        });
    }

    /** One try, at the time of each subscription: true when taken, false when another holds an unexpired lease. */
    private Mono<Boolean> attempt(String owner) {
        return Mono.defer(() -> {
            Instant now = Instant.now();
            Bson free = Filters.and(Filters.eq("_id", ID), Filters.lt("expires_at", Date.from(now)));
            Bson take = Updates.combine(Updates.set("owner", owner), Updates.set("acquired_at", Date.from(now)),
                    Updates.set("expires_at", Date.from(now.plus(lease))));
            return Mono.from(locks.updateOne(free, take, new UpdateOptions().upsert(true)))
                    .thenReturn(true)
                    .onErrorResume(MongoWriteException.class, e ->
                            e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY ? Mono.just(false)
                                    : Mono.error(e));
        });
    }

    private static Bson mine(String owner) {
        return Filters.and(Filters.eq("_id", ID), Filters.eq("owner", owner));
    }
}
