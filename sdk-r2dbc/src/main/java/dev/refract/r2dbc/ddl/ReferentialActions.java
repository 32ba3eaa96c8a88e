package dev.refract.r2dbc.ddl;

import dev.refract.meta.ModelMeta;
import dev.refract.meta.ReferentialAction;
import dev.refract.meta.RelationMeta;

/**
 * The referential actions a foreign key takes: those written in the schema, or Prisma's defaults
 * where none is. A relation counts as required when any of its key fields is required, whatever
 * the arity of the relation field itself; then deleting the referenced record is restricted,
 * otherwise the key is set to null. Changing the referenced key cascades.
 */
public final class ReferentialActions {

    private ReferentialActions() {
    }

    /**
     * What deleting the referenced record does to the records of {@code holder} whose foreign key
     * {@code relation} holds.
     */
    public static ReferentialAction onDelete(ModelMeta holder, RelationMeta relation) {
        if (relation.onDelete() != null) {
            return relation.onDelete();
        }
        return required(holder, relation) ? ReferentialAction.RESTRICT : ReferentialAction.SET_NULL;
    }

    /** What changing the referenced key does to the records whose foreign key {@code relation} holds. */
    public static ReferentialAction onUpdate(RelationMeta relation) {
        return relation.onUpdate() != null ? relation.onUpdate() : ReferentialAction.CASCADE;
    }

    /** {@code action} as SQL writes it after {@code ON DELETE} or {@code ON UPDATE}. */
    public static String sql(ReferentialAction action) {
        return switch (action) {
            case CASCADE -> "CASCADE";
            case RESTRICT -> "RESTRICT";
            case NO_ACTION -> "NO ACTION";
            case SET_NULL -> "SET NULL";
            case SET_DEFAULT -> "SET DEFAULT";
        };
    }

    /** True when a key field of {@code relation}, or the relation field itself, is required. */
    public static boolean required(ModelMeta holder, RelationMeta relation) {
        for (int field : relation.fields()) {
            if (!holder.field(field).isOptional()) {
                return true;
            }
        }
        return !holder.field(relation.field()).isOptional();
    }
}
