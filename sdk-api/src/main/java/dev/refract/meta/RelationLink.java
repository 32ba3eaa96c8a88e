package dev.refract.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * How the records of one relation field are found from a parent record: which of the parent's
 * fields form the link key, and what on the other side matches it. The relation loader, nested
 * writes and every adapter read relations through this one definition.
 *
 * <ul>
 *   <li>{@link Shape#FOREIGN_KEY_HERE}: the parent holds the foreign key ({@code fields}); the link
 *       key is those fields, matched by the target's {@code references}.</li>
 *   <li>{@link Shape#FOREIGN_KEY_THERE}: the target holds the foreign key; the link key is the
 *       parent's fields the target's foreign key references, matched by that foreign key.</li>
 *   <li>{@link Shape#JOIN_TABLE}: an implicit many-to-many relation; the link key is the parent's
 *       id, and the join table {@code _<relation name>} pairs it with the target's id. Column
 *       {@code A} points at the model whose name sorts first and {@code B} at the other, as Prisma
 *       names them; in a self relation the field whose name sorts first has its parent in
 *       {@code A}.</li>
 * </ul>
 *
 * @param relation  the relation as declared on the parent's side
 * @param parent    the model holding the relation field
 * @param target    the model on the other side
 * @param shape     where the key lives
 * @param parentKey indexes of the parent's fields forming the link key
 * @param targetKey indexes of the target's fields matched against the link key (its id for a join table)
 * @param joinTable the join table, or {@code null} unless the shape is {@link Shape#JOIN_TABLE}
 */
public record RelationLink(RelationMeta relation, ModelMeta parent, ModelMeta target, Shape shape,
        List<Integer> parentKey, List<Integer> targetKey, JoinTable joinTable) {

    public RelationLink {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(shape, "shape");
        parentKey = List.copyOf(parentKey);
        targetKey = List.copyOf(targetKey);
        if ((shape == Shape.JOIN_TABLE) != (joinTable != null)) {
            throw new IllegalArgumentException("a join table is given exactly for the JOIN_TABLE shape");
        }
    }

    /** Where a relation's key lives. */
    public enum Shape { FOREIGN_KEY_HERE, FOREIGN_KEY_THERE, JOIN_TABLE }

    /**
     * An implicit many-to-many join table.
     *
     * @param name         the table's name, {@code _<relation name>}
     * @param parentColumn the column ({@code A} or {@code B}) holding the parent's id
     * @param targetColumn the column holding the target's id
     */
    public record JoinTable(String name, String parentColumn, String targetColumn) {}

    /**
     * The link of relation field {@code field} of model {@code model}.
     *
     * @throws IllegalArgumentException when that field is not a relation field, or an implicit
     *                                  many-to-many side has a compound id
     */
    public static RelationLink of(SchemaMeta schema, int model, int field) {
        ModelMeta parent = schema.model(model);
        RelationMeta relation = parent.relation(field);
        ModelMeta target = schema.model(relation.targetModel());
        RelationMeta opposite = target.relation(relation.oppositeField());
        if (relation.holdsForeignKey()) {
            return new RelationLink(relation, parent, target, Shape.FOREIGN_KEY_HERE, boxed(relation.fields()),
                    boxed(relation.references()), null);
        }
        if (opposite.holdsForeignKey()) {
            return new RelationLink(relation, parent, target, Shape.FOREIGN_KEY_THERE, boxed(opposite.references()),
                    boxed(opposite.fields()), null);
        }
        boolean parentInA = parent.name().equals(target.name())
                ? parent.field(field).name().compareTo(target.field(relation.oppositeField()).name()) <= 0
                : parent.name().compareTo(target.name()) < 0;
        JoinTable table = new JoinTable("_" + relation.name(), parentInA ? "A" : "B", parentInA ? "B" : "A");
        return new RelationLink(relation, parent, target, Shape.JOIN_TABLE, singleId(parent, relation),
                singleId(target, relation), table);
    }

    /** True when the relation holds a list on the parent's side. */
    public boolean toMany() {
        return relation.toMany();
    }

    /**
     * The link key of a parent record whose field values {@code values} gives (e.g. {@code row::get}):
     * the value of its one key field, or a {@code List} of the values of a compound key; {@code null}
     * when any part holds no value.
     */
    public Object parentKeyOf(IntFunction<Object> values) {
        return keyOf(values, parentKey);
    }

    /** Likewise for a record of the target, over {@link #targetKey()}. */
    public Object targetKeyOf(IntFunction<Object> values) {
        return keyOf(values, targetKey);
    }

    private static Object keyOf(IntFunction<Object> row, List<Integer> fields) {
        if (fields.size() == 1) {
            return row.apply(fields.get(0));
        }
        List<Object> values = new ArrayList<>(fields.size());
        for (int index : fields) {
            Object value = row.apply(index);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return List.copyOf(values);
    }

    private static List<Integer> singleId(ModelMeta model, RelationMeta relation) {
        if (model.id().fields().size() != 1) {
            throw new IllegalArgumentException("Model " + model.name() + " has a compound id, so the implicit"
                    + " many-to-many relation " + relation.name() + " cannot point at it; give it a single @id"
                    + " field or model the relation with an explicit join model");
        }
        return model.id().fields();
    }

    private static List<Integer> boxed(int[] fields) {
        List<Integer> list = new ArrayList<>(fields.length);
        for (int field : fields) {
            list.add(field);
        }
        return List.copyOf(list);
    }
}
