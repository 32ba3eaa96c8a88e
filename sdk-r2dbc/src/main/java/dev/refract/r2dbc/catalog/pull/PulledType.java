package dev.refract.r2dbc.catalog.pull;

/**
 * The schema type of a database column, as {@code db pull} writes it.
 *
 * @param name       the type as written in a field: a scalar type ({@code String}), an enum's name, or
 *                   {@code Unsupported("…")} for a type no schema type maps
 * @param attribute  the native type attribute when the column's type is not the scalar type's default one,
 *                   e.g. {@code @db.VarChar(80)}, or {@code null}
 * @param supported  false for an {@code Unsupported("…")} type, which the client cannot read or write
 */
record PulledType(String name, String attribute, boolean supported) {

    static PulledType of(String name) {
        return new PulledType(name, null, true);
    }

    static PulledType of(String name, String nativeType, String arguments) {
        return new PulledType(name, "@db." + nativeType + (arguments == null ? "" : "(" + arguments + ")"), true);
    }

    static PulledType unsupported(String databaseType) {
        return new PulledType("Unsupported(" + SchemaNames.quoted(databaseType) + ")", null, false);
    }

    /** True for the scalar type {@code scalar}, e.g. {@code DateTime}. */
    boolean is(String scalar) {
        return name.equals(scalar);
    }
}
