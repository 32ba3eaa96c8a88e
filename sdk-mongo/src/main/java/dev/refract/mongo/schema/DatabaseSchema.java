package dev.refract.mongo.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The collections of a MongoDB datasource and their indexes: what a schema asks for, what a
 * database has, or what a datasource's migrations make, replayed step by step with {@link #after}.
 *
 * @param collections by name, in the order they were declared, listed or created
 */
public record DatabaseSchema(List<CollectionDefinition> collections) {

    /** No collection at all: a new database. */
    public static final DatabaseSchema EMPTY = new DatabaseSchema(List.of());

    public DatabaseSchema {
        collections = List.copyOf(collections);
    }

    /** The collection named {@code name}, if there is one. */
    public Optional<CollectionDefinition> collection(String name) {
        return collections.stream().filter(collection -> collection.name().equals(name)).findFirst();
    }

    /**
     * What this schema is once {@code step} is applied. A step Refract does not write
     * ({@link SchemaStep.Command}) changes nothing it knows of.
     */
    public DatabaseSchema after(SchemaStep step) {
        if (step instanceof SchemaStep.CreateCollection create) {
            return collection(create.collection()).isPresent() ? this
                    : with(new CollectionDefinition(create.collection(), List.of()));
        }
        if (step instanceof SchemaStep.CreateIndex create) {
            CollectionDefinition collection = collection(create.collection())
                    .orElse(new CollectionDefinition(create.collection(), List.of()));
            List<IndexDefinition> indexes = new ArrayList<>(collection.indexes());
            indexes.removeIf(index -> index.name().equals(create.index().name()));
            indexes.add(create.index());
            return with(new CollectionDefinition(collection.name(), indexes));
        }
        if (step instanceof SchemaStep.DropIndex drop) {
            return collection(drop.collection()).map(collection -> with(new CollectionDefinition(collection.name(),
                    collection.indexes().stream().filter(index -> !index.name().equals(drop.index())).toList())))
                    .orElse(this);
        }
        if (step instanceof SchemaStep.DropCollection drop) {
            return new DatabaseSchema(collections.stream().filter(c -> !c.name().equals(drop.collection())).toList());
        }
        return this;
    }

    /** This schema with {@code collection} added, or put in place of the one of its name. */
    private DatabaseSchema with(CollectionDefinition collection) {
        List<CollectionDefinition> next = new ArrayList<>(collections.size() + 1);
        boolean replaced = false;
        for (CollectionDefinition existing : collections) {
            if (existing.name().equals(collection.name())) {
                next.add(collection);
                replaced = true;
            } else {
                next.add(existing);
            }
        }
        if (!replaced) {
            next.add(collection);
        }
        return new DatabaseSchema(next);
    }
}
