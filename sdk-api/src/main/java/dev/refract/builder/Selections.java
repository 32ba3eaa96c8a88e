package dev.refract.builder;

import dev.refract.error.InvalidQueryException;
import dev.refract.query.Selection;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the {@code select}, {@code omit} and {@code include} (relations to load and to count) of a
 * generated query into a {@link Selection}.
 */
public final class Selections {

    private Selections() {}

    /**
     * The selection of a query on {@code model}.
     *
     * @param select       fields chosen with {@code select}, or empty
     * @param omit         fields left out with {@code omit}, or empty
     * @param scalarFields every scalar field of the model, ascending
     * @throws InvalidQueryException when both {@code select} and {@code omit} were used
     */
    public static Selection of(String model, List<Integer> select, List<Integer> omit, List<Integer> scalarFields,
            List<Selection.Include> includes) {
        return of(model, select, omit, scalarFields, includes, List.of());
    }

    /**
     * The selection of a query on {@code model} that also counts relations.
     *
     * @param select       fields chosen with {@code select}, or empty
     * @param omit         fields left out with {@code omit}, or empty
     * @param scalarFields every scalar field of the model, ascending
     * @param includes     the relations to load
     * @param counts       the to-many relations to count
     * @throws InvalidQueryException when both {@code select} and {@code omit} were used
     */
    public static Selection of(String model, List<Integer> select, List<Integer> omit, List<Integer> scalarFields,
            List<Selection.Include> includes, List<Selection.RelationCount> counts) {
        if (!select.isEmpty() && !omit.isEmpty()) {
            throw new InvalidQueryException(model, List.of(), "A query on " + model
                    + " uses both select and omit: choose the fields with one of them");
        }
        if (omit.isEmpty()) {
            return new Selection(select, includes, counts);
        }
        List<Integer> kept = new ArrayList<>(scalarFields);
        kept.removeAll(omit);
        if (kept.isEmpty()) {
            throw new InvalidQueryException(model, List.of(), "A query on " + model
                    + " omits every field: keep at least one");
        }
        return new Selection(kept, includes, counts);
    }
}
