package dev.refract.codegen.definition;

import dev.refract.meta.ScalarType;

/** The resolved type of a field. */
public sealed interface FieldType {

    /** A scalar type of the closed set. */
    record Scalar(ScalarType type) implements FieldType {}

    /** An enum declared in the schema. */
    record EnumRef(String name) implements FieldType {}

    /** A composite {@code type} declared in the schema (MongoDB only). */
    record CompositeRef(String name) implements FieldType {}

    /** A model: the field is a relation field. */
    record ModelRef(String name) implements FieldType {}

    /** {@code Unsupported("native type")}: stored by the database, not readable through the client. */
    record Unsupported(String nativeType) implements FieldType {}
}
