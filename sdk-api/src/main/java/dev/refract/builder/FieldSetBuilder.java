package dev.refract.builder;

import java.util.BitSet;
import java.util.List;

/**
 * The base of generated select and omit builders: a set of a model's scalar fields.
 *
 * @param <S> the generated builder itself
 */
public abstract class FieldSetBuilder<S extends FieldSetBuilder<S>> {

    private final BitSet fields = new BitSet();

    /** For subclasses. */
    protected FieldSetBuilder() {}

    /** {@code this}, typed as the generated builder. */
    protected abstract S self();

    /** Adds the field at {@code index}, for a generated accessor. */
    protected final S field(int index) {
        fields.set(index);
        return self();
    }

    /** The indexes chosen, ascending. */
    public final List<Integer> build() {
        return fields.isEmpty() ? List.of() : fields.stream().boxed().toList();
    }
}
