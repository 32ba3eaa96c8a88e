package dev.refract.boot.json;

import dev.refract.relation.Relation;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a relation of a generated record: a property that is present is {@link Relation.Loaded} with
 * its value read as the relation's type argument says (a {@code null} is a to-one relation without a
 * related record); a property that is absent is {@link Relation.NotLoaded}, naming the record and the
 * property, as the records of a query without that {@code include} have it.
 */
final class RelationDeserializer extends ValueDeserializer<Relation<?>> {

    private final JavaType valueType;
    private final String model;
    private final String field;

    /** The deserializer registered with the module, made specific to each property by {@link #createContextual}. */
    RelationDeserializer() {
        this(null, null, null);
    }

    private RelationDeserializer(JavaType valueType, String model, String field) {
        this.valueType = valueType;
        this.model = model;
        this.field = field;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        JavaType relationType = property == null ? context.getContextualType() : property.getType();
        JavaType value = relationType == null ? context.constructType(Object.class) : relationType.containedTypeOrUnknown(0);
        if (property == null || property.getMember() == null) {
            return new RelationDeserializer(value, null, null);
        }
        return new RelationDeserializer(value, property.getMember().getDeclaringClass().getSimpleName(), property.getName());
    }

    @Override
    public Relation<?> deserialize(JsonParser parser, DeserializationContext context) {
        JavaType type = valueType == null ? context.constructType(Object.class) : valueType;
        return Relation.loaded(context.readValue(parser, type));
    }

    @Override
    public Relation<?> getNullValue(DeserializationContext context) {
        return Relation.loaded(null);
    }

    @Override
    public Relation<?> getAbsentValue(DeserializationContext context) {
        return Relation.notLoaded(model, field);
    }

    @Override
    public Class<?> handledType() {
        return Relation.class;
    }
}
