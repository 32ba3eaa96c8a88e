package dev.refract.mongo.schema;

import java.util.List;
import java.util.Optional;

/**
 * A collection and the indexes Refract looks after, without MongoDB's own {@code _id_} index.
 *
 * @param name    the collection's name
 * @param indexes its indexes, in the order they were declared or listed
 */
public record CollectionDefinition(String name, List<IndexDefinition> indexes) {

    public CollectionDefinition {
        indexes = List.copyOf(indexes);
    }

    /** The index named {@code name}, if the collection has one. */
    public Optional<IndexDefinition> index(String name) {
        return indexes.stream().filter(index -> index.name().equals(name)).findFirst();
    }
}
