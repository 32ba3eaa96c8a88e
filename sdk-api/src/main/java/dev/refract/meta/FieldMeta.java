package dev.refract.meta;

import java.util.Objects;

/**
 * One field of a model or composite type, as generated code declares it.
 *
 * <p>Instances are built once, in static initialisers of generated code, with {@link #scalar},
 * {@link #enumField}, {@link #composite} or {@link #relation} and the {@code with…}/{@code as…}
 * methods; the runtime only reads them.
 *
 * @param name         the field's name in the schema and in Java
 * @param dbName       the column or document key
 * @param kind         what the field's type is
 * @param scalarType   for {@link FieldKind#SCALAR}, the scalar type; otherwise {@code null}
 * @param typeName     for an enum, composite or relation field, the name of that type; otherwise {@code null}
 * @param arity        required, optional or list
 * @param defaultValue {@code @default(...)}, or {@code null}
 * @param id           true when the field alone is the primary key
 * @param unique       true when the field alone is unique
 * @param updatedAt    true when the client sets it to the current time on every update
 * @param nativeType   the native database type as written after {@code @db.}, e.g. {@code VarChar(255)}, or {@code null}
 */
public record FieldMeta(String name, String dbName, FieldKind kind, ScalarType scalarType, String typeName,
        Arity arity, DefaultValue defaultValue, boolean id, boolean unique, boolean updatedAt, String nativeType) {

    public FieldMeta {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dbName, "dbName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(arity, "arity");
        if ((kind == FieldKind.SCALAR) != (scalarType != null)) {
            throw new IllegalArgumentException("field " + name + ": a scalar type is given exactly when the kind is SCALAR");
        }
        if ((kind == FieldKind.SCALAR) == (typeName != null)) {
            throw new IllegalArgumentException("field " + name + ": a type name is given exactly when the kind is not SCALAR");
        }
    }

    /** A scalar field stored under its own name. */
    public static FieldMeta scalar(String name, ScalarType type, Arity arity) {
        return new FieldMeta(name, name, FieldKind.SCALAR, type, null, arity, null, false, false, false, null);
    }

    /** A field holding a value of the enum {@code enumName}. */
    public static FieldMeta enumField(String name, String enumName, Arity arity) {
        return new FieldMeta(name, name, FieldKind.ENUM, null, enumName, arity, null, false, false, false, null);
    }

    /** A field holding an embedded value of the composite type {@code typeName}. */
    public static FieldMeta composite(String name, String typeName, Arity arity) {
        return new FieldMeta(name, name, FieldKind.COMPOSITE, null, typeName, arity, null, false, false, false, null);
    }

    /** A relation field pointing at the model {@code modelName}; it is stored nowhere. */
    public static FieldMeta relation(String name, String modelName, Arity arity) {
        return new FieldMeta(name, name, FieldKind.RELATION, null, modelName, arity, null, false, false, false, null);
    }

    /** This field stored under {@code dbName}. */
    public FieldMeta withDbName(String dbName) {
        return new FieldMeta(name, dbName, kind, scalarType, typeName, arity, defaultValue, id, unique, updatedAt, nativeType);
    }

    /** This field with a default. */
    public FieldMeta withDefault(DefaultValue value) {
        return new FieldMeta(name, dbName, kind, scalarType, typeName, arity, value, id, unique, updatedAt, nativeType);
    }

    /** This field with a native database type. */
    public FieldMeta withNativeType(String type) {
        return new FieldMeta(name, dbName, kind, scalarType, typeName, arity, defaultValue, id, unique, updatedAt, type);
    }

    /** This field as the single-field primary key. */
    public FieldMeta asId() {
        return new FieldMeta(name, dbName, kind, scalarType, typeName, arity, defaultValue, true, unique, updatedAt, nativeType);
    }

    /** This field as unique on its own. */
    public FieldMeta asUnique() {
        return new FieldMeta(name, dbName, kind, scalarType, typeName, arity, defaultValue, id, true, updatedAt, nativeType);
    }

    /** This field as set to the current time on every update. */
    public FieldMeta asUpdatedAt() {
        return new FieldMeta(name, dbName, kind, scalarType, typeName, arity, defaultValue, id, unique, true, nativeType);
    }

    /** True for a relation field, which has no column of its own. */
    public boolean isRelation() {
        return kind == FieldKind.RELATION;
    }

    /** True when the field may hold no value. */
    public boolean isOptional() {
        return arity == Arity.OPTIONAL;
    }

    /** True when the field holds a list. */
    public boolean isList() {
        return arity == Arity.LIST;
    }
}
