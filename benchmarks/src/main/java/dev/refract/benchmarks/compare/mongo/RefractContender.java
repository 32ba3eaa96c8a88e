package dev.refract.benchmarks.compare.mongo;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Dataset;
import dev.refract.benchmarks.compare.Role;
import dev.refract.benchmarks.compare.RowSink;
import dev.refract.benchmarks.compare.mongo.db.EntryCreate;
import dev.refract.benchmarks.compare.mongo.db.RefractClient;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Refract's generated client of {@code compare-mongodb.prisma}, used as an application would: one
 * client, its pool sized by the builder, every call through the generated delegates, ids as the
 * hexadecimal strings of the generated records.
 */
final class RefractContender implements Contender {

    private final RefractClient db;

    RefractContender(String url, int poolSize) {
        this.db = RefractClient.builder().datasource("db", url).poolSize("db", poolSize).build();
    }

    @Override
    public String key() {
        return "refract";
    }

    @Override
    public String name() {
        return "Refract";
    }

    @Override
    public Role role() {
        return Role.REFRACT;
    }

    @Override
    public Mono<Long> findUnique(int id) {
        return db.sample().findUnique(q -> q.where(w -> w.id(MongoIds.hex(id)))).map(MongoFingerprints::of);
    }

    @Override
    public Mono<Void> stream(int maxId, RowSink sink) {
        return db.sample().findMany(q -> q.where(w -> w.id().lte(MongoIds.hex(maxId))))
                .doOnNext(sample -> sink.accept(MongoFingerprints.of(sample)))
                .then();
    }

    @Override
    public Mono<Long> create(int index) {
        return db.entry().create(c -> fill(c, index)).map(MongoFingerprints::content);
    }

    @Override
    public Mono<Long> createMany(int first, int count) {
        return Mono.defer(() -> {
            List<EntryCreate> batch = new ArrayList<>(count);
            for (int index = first; index < first + count; index++) {
                batch.add(fill(new EntryCreate(), index));
            }
            return db.entry().createMany(batch);
        });
    }

    @Override
    public Mono<Long> include() {
        return db.parent().findMany(q -> q.include(i -> i.children()))
                .map(MongoFingerprints::of)
                .reduce(0L, Long::sum);
    }

    @Override
    public Mono<Long> increment(int id) {
        return db.sample().update(w -> w.id(MongoIds.hex(id)), d -> d.counter().increment(1))
                .map(MongoFingerprints::of);
    }

    @Override
    public Mono<Void> close() {
        return db.closeAsync();
    }

    private static EntryCreate fill(EntryCreate create, int index) {
        return create.name(Dataset.name(index)).email(Dataset.email(index)).category(Dataset.category(index))
                .quantity(Dataset.quantity(index)).price(Dataset.price(index)).total(Dataset.total(index))
                .active(Dataset.active(index)).createdAt(Dataset.createdAt(index));
    }
}
