package dev.refract.benchmarks.compare.mongo;

import dev.refract.benchmarks.compare.Dataset;
import dev.refract.benchmarks.compare.WrongResultException;
import dev.refract.benchmarks.compare.mongo.db.Child;
import dev.refract.benchmarks.compare.mongo.db.Entry;
import dev.refract.benchmarks.compare.mongo.db.Parent;
import dev.refract.benchmarks.compare.mongo.db.Sample;
import java.util.List;

/**
 * The fingerprints ({@link Dataset}) of the generated records of {@code compare-mongodb.prisma}, which
 * Refract's contender and the raw driver's both map into; each id counts as the index it was made from
 * ({@link MongoIds}).
 */
final class MongoFingerprints {

    private MongoFingerprints() {
    }

    static long of(Sample s) {
        return Dataset.sample(MongoIds.index(s.id()), Dataset.content(s.name(), s.email(), s.category(), s.quantity(),
                s.price(), s.total(), s.active(), s.createdAt().toEpochMilli()));
    }

    static long content(Entry e) {
        return Dataset.content(e.name(), e.email(), e.category(), e.quantity(), e.price(), e.total(), e.active(),
                e.createdAt().toEpochMilli());
    }

    /**
     * The fingerprint of a parent with its children.
     *
     * @throws WrongResultException when the children were not loaded
     */
    static long of(Parent parent) {
        if (!parent.children().isLoaded()) {
            throw new WrongResultException("Parent " + parent.id() + " came back without its children, although the"
                    + " query included them (Relation.NotLoaded)");
        }
        List<Child> children = parent.children().get();
        long sum = 0;
        for (Child child : children) {
            sum += Dataset.child(MongoIds.index(child.id()), MongoIds.index(child.parentId()), child.position(),
                    child.label());
        }
        return Dataset.parent(MongoIds.index(parent.id()), parent.name(), sum, children.size());
    }
}
