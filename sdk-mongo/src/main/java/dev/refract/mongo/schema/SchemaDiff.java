package dev.refract.mongo.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps that take the collections and indexes of one {@link DatabaseSchema} to another's: first
 * the indexes to drop (gone from the target, or changed: MongoDB cannot alter an index, so a changed
 * one is dropped and created again), then the collections to create, then the indexes to create.
 * Steps follow the order of the target's collections. Collections the target lacks are kept, with their documents: dropping one is left to a migration
 * written by hand.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /** The steps from {@code from} to {@code to}, in the order they must run; none when they agree. */
    public static List<SchemaStep> between(DatabaseSchema from, DatabaseSchema to) {
        List<SchemaStep> drops = new ArrayList<>();
        List<SchemaStep> creates = new ArrayList<>();
        List<SchemaStep> indexes = new ArrayList<>();
        for (CollectionDefinition wanted : to.collections()) {
            CollectionDefinition current = from.collection(wanted.name()).orElse(null);
            if (current == null) {
                continue;
            }
            for (IndexDefinition index : current.indexes()) {
                boolean kept = wanted.index(index.name()).filter(index::sameAs).isPresent();
                if (!kept) {
                    drops.add(new SchemaStep.DropIndex(current.name(), index.name()));
                }
            }
        }
        for (CollectionDefinition wanted : to.collections()) {
            CollectionDefinition current = from.collection(wanted.name()).orElse(null);
            if (current == null) {
                creates.add(new SchemaStep.CreateCollection(wanted.name()));
            }
            for (IndexDefinition index : wanted.indexes()) {
                boolean present = current != null && current.index(index.name()).filter(index::sameAs).isPresent();
                if (!present) {
                    indexes.add(new SchemaStep.CreateIndex(wanted.name(), index));
                }
            }
        }
        List<SchemaStep> steps = new ArrayList<>(drops.size() + creates.size() + indexes.size());
        steps.addAll(drops);
        steps.addAll(creates);
        steps.addAll(indexes);
        return List.copyOf(steps);
    }
}
