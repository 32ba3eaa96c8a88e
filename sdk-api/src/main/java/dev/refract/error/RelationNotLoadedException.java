package dev.refract.error;

import java.util.List;

/** A relation field was read on a record fetched without that relation. */
public final class RelationNotLoadedException extends RefractException {

    private static final long serialVersionUID = 1L;

    /** The relation {@code field} of {@code model} was read but not loaded. */
    public RelationNotLoadedException(String model, String field) {
        super(ErrorCode.RELATION_NOT_LOADED, model, field == null ? List.of() : List.of(field),
                "The relation " + (model == null ? "" : model + ".") + (field == null ? "" : field)
                        + " was not loaded: add it to the query with include(i -> i." + (field == null ? "<relation>" : field)
                        + "())", null);
    }
}
