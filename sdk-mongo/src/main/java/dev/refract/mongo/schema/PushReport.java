package dev.refract.mongo.schema;

import java.util.List;

/**
 * What {@code db push} did to a MongoDB database.
 *
 * @param steps the steps applied, in order; none when the database had what the schema asks for
 */
public record PushReport(List<SchemaStep> steps) {

    public PushReport {
        steps = List.copyOf(steps);
    }

    /** The collections created. */
    public List<String> createdCollections() {
        return steps.stream().filter(SchemaStep.CreateCollection.class::isInstance)
                .map(step -> ((SchemaStep.CreateCollection) step).collection()).toList();
    }

    /** The indexes created, each as {@code collection.index}. */
    public List<String> createdIndexes() {
        return steps.stream().filter(SchemaStep.CreateIndex.class::isInstance).map(SchemaStep.CreateIndex.class::cast)
                .map(step -> step.collection() + "." + step.index().name()).toList();
    }

    /** The indexes dropped, each as {@code collection.index}. */
    public List<String> droppedIndexes() {
        return steps.stream().filter(SchemaStep.DropIndex.class::isInstance).map(SchemaStep.DropIndex.class::cast)
                .map(step -> step.collection() + "." + step.index()).toList();
    }
}
