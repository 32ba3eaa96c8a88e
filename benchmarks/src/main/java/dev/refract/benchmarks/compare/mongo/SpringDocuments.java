package dev.refract.benchmarks.compare.mongo;

import dev.refract.benchmarks.compare.Dataset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * The document classes a Spring Data MongoDB user writes for the comparison's collections, and what
 * both Spring contenders do with them. Ids are {@code String}s, which Spring stores as ObjectIds; the
 * children's reference to their parent is declared an ObjectId too, so that it is stored and queried
 * as the other contenders store and query it.
 */
final class SpringDocuments {

    private SpringDocuments() {
    }

    /** A document of the ten-field collection the reads use. */
    @Document("Sample")
    record SampleDocument(@Id String id, String name, String email, String category, Integer quantity,
            Integer counter, Double price, Long total, Boolean active, Instant createdAt) {
    }

    /** A document of the ten-field collection the creates write; Spring makes the id on insert. */
    @Document("Entry")
    record EntryDocument(@Id String id, String name, String email, String category, Integer quantity,
            Integer counter, Double price, Long total, Boolean active, Instant createdAt) {
    }

    /** A parent. */
    @Document("Parent")
    record ParentDocument(@Id String id, String name) {
    }

    /** A child. */
    @Document("Child")
    record ChildDocument(@Id String id, @Field(targetType = FieldType.OBJECT_ID) String parentId, Integer position,
            String label) {
    }

    /** The new entry of data index {@code index}; its counter starts at 0, as the schema says. */
    static EntryDocument entry(int index) {
        return new EntryDocument(null, Dataset.name(index), Dataset.email(index), Dataset.category(index),
                Dataset.quantity(index), 0, Dataset.price(index), Dataset.total(index), Dataset.active(index),
                Dataset.createdAt(index));
    }

    static long fingerprint(SampleDocument s) {
        return Dataset.sample(MongoIds.index(s.id()), Dataset.content(s.name(), s.email(), s.category(), s.quantity(),
                s.price(), s.total(), s.active(), s.createdAt().toEpochMilli()));
    }

    static long content(EntryDocument e) {
        return Dataset.content(e.name(), e.email(), e.category(), e.quantity(), e.price(), e.total(), e.active(),
                e.createdAt().toEpochMilli());
    }

    /** The ids of {@code parents}, for the query of their children. */
    static List<String> ids(List<ParentDocument> parents) {
        List<String> ids = new ArrayList<>(parents.size());
        for (ParentDocument parent : parents) {
            ids.add(parent.id());
        }
        return ids;
    }

    /**
     * Stitches {@code children} to {@code parents} by hand, as a Spring Data user must, and returns
     * the sum of the parents' fingerprints.
     */
    static long stitch(List<ParentDocument> parents, List<ChildDocument> children) {
        Map<String, List<ChildDocument>> byParent = new HashMap<>(parents.size() * 2);
        for (ChildDocument child : children) {
            byParent.computeIfAbsent(child.parentId(), id -> new ArrayList<>()).add(child);
        }
        long sum = 0;
        for (ParentDocument parent : parents) {
            List<ChildDocument> own = byParent.getOrDefault(parent.id(), List.of());
            long childrenSum = 0;
            for (ChildDocument child : own) {
                childrenSum += Dataset.child(MongoIds.index(child.id()), MongoIds.index(child.parentId()),
                        child.position(), child.label());
            }
            sum += Dataset.parent(MongoIds.index(parent.id()), parent.name(), childrenSum, own.size());
        }
        return sum;
    }
}
