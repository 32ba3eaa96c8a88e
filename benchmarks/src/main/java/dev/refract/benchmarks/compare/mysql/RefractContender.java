package dev.refract.benchmarks.compare.mysql;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Dataset;
import dev.refract.benchmarks.compare.Role;
import dev.refract.benchmarks.compare.RowSink;
import dev.refract.benchmarks.compare.WrongResultException;
import dev.refract.benchmarks.compare.mysql.db.Child;
import dev.refract.benchmarks.compare.mysql.db.Entry;
import dev.refract.benchmarks.compare.mysql.db.EntryCreate;
import dev.refract.benchmarks.compare.mysql.db.Parent;
import dev.refract.benchmarks.compare.mysql.db.RefractClient;
import dev.refract.benchmarks.compare.mysql.db.Sample;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Refract's generated client of {@code compare-mysql.prisma}, used as an application would: one client,
 * its pool sized by the builder, every call through the generated delegates.
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
        return db.sample().findUnique(q -> q.where(w -> w.id(id))).map(RefractContender::fingerprint);
    }

    @Override
    public Mono<Void> stream(int maxId, RowSink sink) {
        return db.sample().findMany(q -> q.where(w -> w.id().lte(maxId)))
                .doOnNext(sample -> sink.accept(fingerprint(sample)))
                .then();
    }

    @Override
    public Mono<Long> create(int index) {
        return db.entry().create(c -> fill(c, index)).map(RefractContender::content);
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
                .map(RefractContender::fingerprint)
                .reduce(0L, Long::sum);
    }

    @Override
    public Mono<Long> increment(int id) {
        return db.sample().update(w -> w.id(id), d -> d.counter().increment(1)).map(RefractContender::fingerprint);
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

    private static long fingerprint(Sample s) {
        return Dataset.sample(s.id(), Dataset.content(s.name(), s.email(), s.category(), s.quantity(), s.price(),
                s.total(), s.active(), s.createdAt().toEpochMilli()));
    }

    private static long content(Entry e) {
        return Dataset.content(e.name(), e.email(), e.category(), e.quantity(), e.price(), e.total(), e.active(),
                e.createdAt().toEpochMilli());
    }

    private static long fingerprint(Parent parent) {
        if (!parent.children().isLoaded()) {
            throw new WrongResultException("Parent " + parent.id() + " came back without its children, although the"
                    + " query included them (Relation.NotLoaded)");
        }
        List<Child> children = parent.children().get();
        long sum = 0;
        for (Child child : children) {
            sum += Dataset.child(child.id(), child.parentId(), child.position(), child.label());
        }
        return Dataset.parent(parent.id(), parent.name(), sum, children.size());
    }
}
