package dev.refract.r2dbc.ddl;

import dev.refract.meta.FieldMeta;
import java.util.Map;
import java.util.TreeSet;

/**
 * A field's native type as written in the schema ({@code @db.VarChar(255)}), checked against what one
 * database knows: the database's spelling of the type, and the whole-number arguments, if any.
 *
 * @param name      the schema language's name, e.g. {@code VarChar}
 * @param type      the database's spelling, e.g. {@code varchar} or {@code INT UNSIGNED}
 * @param arguments the arguments without spaces, e.g. {@code 10,2}, or {@code null} when none are written
 */
record NativeType(String name, String type, String arguments) {

    /**
     * The native type of {@code field}, which has one, looked up in {@code known}.
     *
     * @param model    the model's name, for errors
     * @param known    the schema language's names and their spelling in {@code database}
     * @param database the database's name, for errors
     * @throws IllegalArgumentException when the type is unknown or its arguments are not whole numbers
     */
    static NativeType of(String model, FieldMeta field, Map<String, String> known, String database) {
        String written = field.nativeType().strip();
        int open = written.indexOf('(');
        String name = open < 0 ? written : written.substring(0, open).strip();
        String type = known.get(name);
        if (type == null) {
            throw new IllegalArgumentException("Field " + model + "." + field.name() + " has the native type @db."
                    + written + ", which " + database + " does not know; use one of " + String.join(", ",
                    new TreeSet<>(known.keySet())));
        }
        if (open < 0) {
            return new NativeType(name, type, null);
        }
        if (!written.endsWith(")")) {
            throw new IllegalArgumentException("Field " + model + "." + field.name() + " has the native type @db."
                    + written + " without a closing parenthesis");
        }
        String arguments = written.substring(open + 1, written.length() - 1).replace(" ", "");
        if (!arguments.matches("\\d+(,\\d+)*")) {
            throw new IllegalArgumentException("Field " + model + "." + field.name() + " has the native type @db."
                    + written + ": its arguments must be whole numbers, e.g. @db." + name + "(10)");
        }
        return new NativeType(name, type, arguments);
    }
}
