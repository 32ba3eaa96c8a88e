package dev.refract.spi;

import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.meta.ModelMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks an adapter makes on what a write of one named record found, so that the user meets the
 * same error whatever the database: an update or delete that matched no record, and an upsert that
 * neither updated nor created one.
 */
public final class WriteOutcomes {

    private WriteOutcomes() {
    }

    /** True for the writes that must find their record: {@code update} and {@code delete} of a unique record. */
    public static boolean mustFind(Operation operation) {
        return operation instanceof Operation.Update || operation instanceof Operation.Delete;
    }

    /**
     * {@code result} when the update or delete {@code operation} found its record.
     *
     * @throws RecordNotFoundException when it matched none
     */
    public static Result requireFound(Operation operation, ModelMeta model, Result result) {
        if (result.count() == 0) {
            throw notFound(model, operation instanceof Operation.Update ? "update" : "delete");
        }
        return result;
    }

    /** The error of an {@code update} or {@code delete} ({@code verb}) of {@code model} that matched no record. */
    public static RecordNotFoundException notFound(ModelMeta model, String verb) {
        return new RecordNotFoundException(model.name(), List.of(), "No " + model.name() + " matches the where of this "
                + verb + ": check the unique values (and any extra conditions) it names", null);
    }

    /**
     * {@code result} when the upsert returned its record, updated or created. It returns none when a
     * record has the unique values of its where but fails the where's other conditions: the create then
     * collides with that record, as it does on every database.
     *
     * @throws UniqueConstraintViolationException naming the unique fields of the where, when it returned none
     */
    public static Result requireUpserted(Operation.Upsert upsert, ModelMeta model, Result result) {
        if (result.count() > 0) {
            return result;
        }
        List<Filter> conditions = upsert.where() instanceof Filter.And and ? and.filters() : List.of(upsert.where());
        List<String> fields = new ArrayList<>();
        for (Filter condition : conditions) {
            if (condition instanceof Filter.Comparison comparison && comparison.operator() == Filter.Operator.EQUALS
                    && isKeyField(model, comparison.field())) {
                fields.add(model.field(comparison.field()).name());
            }
        }
        throw new UniqueConstraintViolationException(model.name(), fields, "The upsert found no " + model.name()
                + " matching its where, and its create collides with the " + model.name() + " that has the same "
                + String.join(", ", fields) + ": that record fails the where's other conditions, so it was neither"
                + " updated nor created again", null);
    }

    private static boolean isKeyField(ModelMeta model, int field) {
        if (model.field(field).unique() || model.id().fields().contains(field)) {
            return true;
        }
        return model.uniques().stream().anyMatch(unique -> unique.fields().contains(field));
    }
}
