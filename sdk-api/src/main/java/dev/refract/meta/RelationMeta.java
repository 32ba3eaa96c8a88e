package dev.refract.meta;

import java.util.Arrays;
import java.util.Objects;

/**
 * One side of a relation, seen from the model that declares the relation field. Field positions
 * are indexes into the owning and target models' {@link ModelMeta#fields()}, so the runtime joins
 * without looking names up.
 *
 * @param name            the relation's name in the schema
 * @param field           the index of the relation field in its model
 * @param targetModel     the index of the model on the other side in {@link SchemaMeta#models()}
 * @param toMany          true when this side holds a list
 * @param fields          indexes of this model's fields holding the foreign key; empty on the side that does not hold it
 * @param references      indexes of the target's fields that {@code fields} point at; empty likewise
 * @param onDelete        the referential action written in the schema, or {@code null} for the default
 * @param onUpdate        likewise
 * @param oppositeField   the index of the relation field on the other side, in the target model
 * @param crossDatasource true when the two models live in different datasources and the client joins them itself
 */
public record RelationMeta(String name, int field, int targetModel, boolean toMany, int[] fields, int[] references,
        ReferentialAction onDelete, ReferentialAction onUpdate, int oppositeField, boolean crossDatasource) {

    public RelationMeta {
        Objects.requireNonNull(name, "name");
        fields = fields.clone();
        references = references.clone();
        if (fields.length != references.length) {
            throw new IllegalArgumentException("relation " + name + ": fields and references must have the same length");
        }
    }

    /** Indexes of the foreign-key fields; a copy, as arrays are mutable. */
    @Override
    public int[] fields() {
        return fields.clone();
    }

    /** Indexes of the referenced fields; a copy, as arrays are mutable. */
    @Override
    public int[] references() {
        return references.clone();
    }

    /** True on the side that holds the foreign key. */
    public boolean holdsForeignKey() {
        return fields.length > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RelationMeta that && name.equals(that.name) && field == that.field
                && targetModel == that.targetModel && toMany == that.toMany && Arrays.equals(fields, that.fields)
                && Arrays.equals(references, that.references) && onDelete == that.onDelete
                && onUpdate == that.onUpdate && oppositeField == that.oppositeField
                && crossDatasource == that.crossDatasource;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, field, targetModel, toMany, Arrays.hashCode(fields), Arrays.hashCode(references),
                onDelete, onUpdate, oppositeField, crossDatasource);
    }

    @Override
    public String toString() {
        return "RelationMeta[" + name + ", field=" + field + ", target=" + targetModel + ", toMany=" + toMany
                + ", fields=" + Arrays.toString(fields) + ", references=" + Arrays.toString(references) + "]";
    }
}
