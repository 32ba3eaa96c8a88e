package dev.refract.builder;

import dev.refract.query.WriteData.NestedWrite;
import java.util.ArrayList;
import java.util.List;

/**
 * The base of the nested-write builders of one relation field: {@link ToManyCreate},
 * {@link ToManyWrite}, {@link ToOneCreate} and {@link ToOneWrite}. Every call adds one
 * {@link NestedWrite}, and the writes run in the order they were given.
 */
public abstract sealed class NestedWrites permits ToManyCreate, ToOneCreate {

    private final List<NestedWrite> writes = new ArrayList<>();

    NestedWrites() {}

    final void add(NestedWrite write) {
        writes.add(write);
    }

    /** The nested writes given, in call order. */
    final List<NestedWrite> writes() {
        return List.copyOf(writes);
    }
}
