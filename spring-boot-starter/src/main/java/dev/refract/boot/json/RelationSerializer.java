package dev.refract.boot.json;

import dev.refract.error.RelationNotLoadedException;
import dev.refract.relation.Relation;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a loaded {@link Relation} as its value and calls a relation that was not loaded empty, so
 * that the module's inclusion rule leaves it out of its record. Only where nothing can be left out (a
 * relation as the root value, or in a list) is one not loaded an error, the one reading it would get.
 */
final class RelationSerializer extends ValueSerializer<Relation<?>> {

    @Override
    public void serialize(Relation<?> relation, JsonGenerator generator, SerializationContext context) {
        if (relation instanceof Relation.Loaded<?> loaded) {
            context.writeValue(generator, loaded.value());
            return;
        }
        Relation.NotLoaded<?> notLoaded = (Relation.NotLoaded<?>) relation;
        throw new RelationNotLoadedException(notLoaded.model(), notLoaded.field());
    }

    @Override
    public boolean isEmpty(SerializationContext context, Relation<?> relation) {
        return relation == null || !relation.isLoaded();
    }

    @Override
    public Class<?> handledType() {
        return Relation.class;
    }
}
