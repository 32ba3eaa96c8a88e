package dev.refract.builder;

import java.util.Objects;

/**
 * A typed reference to a field of one model, for conditions that compare two fields of the same
 * record, e.g. {@code w.startedAt().lt(PipelineRunWhere.UPDATED_AT)}. Generated where builders
 * declare one constant per comparable field; the type parameters make the compiler reject a
 * comparison with a field of another model ({@code W}) or of another Java type ({@code T}).
 *
 * @param <W> the where builder of the field's model
 * @param <T> the field's Java type
 */
public final class FieldRef<W extends WhereBuilder<W>, T> {

    private final int index;
    private final String name;

    /**
     * @param index the field's index in its model
     * @param name  the field's name, for error messages
     */
    public FieldRef(int index, String name) {
        this.index = index;
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The field's index in its model. */
    public int index() {
        return index;
    }

    /** The field's name. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
