package dev.refract.codegen.definition;

import dev.refract.meta.Arity;
import dev.refract.meta.DefaultValue;

/**
 * A field of a model or composite type.
 *
 * @param dbName       column or document key: {@code @map} or the field name
 * @param doc          {@code ///} documentation, empty when none
 * @param defaultValue {@code @default(...)}, or {@code null}
 * @param id           true when the field alone is the primary key ({@code @id})
 * @param unique       true when the field alone is unique ({@code @unique})
 * @param updatedAt    true for {@code @updatedAt}
 * @param expiresAt    true for {@code @expiresAt}: the record expires at the instant the field holds
 * @param nativeType   {@code @db.X(...)}, or {@code null}
 * @param relation     for a field whose type is a model, the relation; otherwise {@code null}
 */
public record FieldDefinition(String name, String dbName, String doc, FieldType type, Arity arity,
        DefaultValue defaultValue, boolean id, boolean unique, boolean updatedAt, boolean expiresAt, NativeType nativeType,
        RelationDefinition relation) {

    /** True for {@code Type?}. */
    public boolean isOptional() {
        return arity == Arity.OPTIONAL;
    }

    /** True for {@code Type[]}. */
    public boolean isList() {
        return arity == Arity.LIST;
    }

    /**
     * True when a create must be given a value: required, not a list, no default, not
     * {@code @updatedAt}, and not a relation field.
     */
    public boolean isRequiredOnCreate() {
        return arity == Arity.REQUIRED && defaultValue == null && !updatedAt && relation == null;
    }
}
