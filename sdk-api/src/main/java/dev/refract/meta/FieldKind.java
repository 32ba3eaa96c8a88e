package dev.refract.meta;

/** What a field's type is: a scalar of the closed set, an enum, a composite type or another model. */
public enum FieldKind {
    SCALAR,
    ENUM,
    COMPOSITE,
    RELATION
}
