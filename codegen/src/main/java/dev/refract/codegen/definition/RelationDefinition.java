package dev.refract.codegen.definition;

import dev.refract.meta.ReferentialAction;
import java.util.List;

/**
 * One side of a relation, as seen from the field that declares it.
 *
 * @param name          the relation's name: the one given in {@code @relation("...")}, or the
 *                      Prisma default, the two model names sorted and joined by {@code To}
 *                      ({@code PipelineRunToPipelineStep})
 * @param targetModel   the model on the other side
 * @param kind          seen from this side
 * @param fields        this model's scalar fields holding the foreign key; empty on the side that
 *                      does not hold it
 * @param references    the target's fields that {@code fields} point at; empty likewise
 * @param onDelete      the referential action written, or {@code null} for the default
 * @param onUpdate      likewise
 * @param oppositeField the name of the relation field on the other side
 * @param crossDatasource true when the two models live in different datasources (no foreign key
 *                      exists; the client resolves the relation)
 */
public record RelationDefinition(String name, String targetModel, Kind kind, List<String> fields,
        List<String> references, ReferentialAction onDelete, ReferentialAction onUpdate, String oppositeField,
        boolean crossDatasource) {

    /** The shape of a relation seen from one side. */
    public enum Kind {
        /** This side holds at most one, and so does the other. */
        ONE_TO_ONE,
        /** This side holds a list; the other side holds one. */
        ONE_TO_MANY,
        /** This side holds one; the other side holds a list. */
        MANY_TO_ONE,
        /**
         * Both sides hold lists: through an implicit join table in relational datasources (neither
         * side holds a key), or in MongoDB through a list of the other side's ids on each side
         * (both sides hold one).
         */
        MANY_TO_MANY
    }

    public RelationDefinition {
        fields = List.copyOf(fields);
        references = List.copyOf(references);
    }

    /** True on the side that holds the foreign key: both sides of a MongoDB many-to-many relation. */
    public boolean holdsForeignKey() {
        return !fields.isEmpty();
    }
}
