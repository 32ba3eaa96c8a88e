package dev.refract.r2dbc.ddl;

import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.ScalarType;
import java.math.BigDecimal;

/**
 * String literals in data definition: the schema's own default values, never user data (which is
 * always bound). Identifiers are quoted by the dialect, the same way the SQL renderer quotes them.
 */
public final class Literals {

    /** How a database writes the literals of default values. */
    enum Style {
        POSTGRESQL {
            @Override
            String text(String text) {
                return literal(text);
            }

            @Override
            String base64Bytes(String base64) {
                return "decode(" + literal(base64) + ", 'base64')";
            }
        },
        MYSQL {
            @Override
            String text(String text) {
                return mysql(text);
            }

            @Override
            String base64Bytes(String base64) {
                return "FROM_BASE64(" + mysql(base64) + ")";
            }
        };

        /** {@code text} as a string literal. */
        abstract String text(String text);

        /** The bytes {@code base64} encodes, as an expression. */
        abstract String base64Bytes(String base64);
    }

    private Literals() {
    }

    /**
     * The literal of one default {@code value} of {@code field} (one element, for a list): booleans,
     * whole and decimal numbers as written, an enum value by its database name, {@code Bytes} from
     * their base64 text, strings quoted.
     *
     * @param enumType the field's enum, or {@code null} for a scalar field
     * @throws IllegalArgumentException for a value of a type that has no literal
     */
    static String defaultValue(ModelMeta model, FieldMeta field, EnumMeta enumType, Object value, Style style) {
        if (value instanceof Boolean bool) {
            return bool ? "true" : "false";
        } else if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        } else if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        } else if (value instanceof Double number) {
            return BigDecimal.valueOf(number).toPlainString();
        } else if (value instanceof String text) {
            if (enumType != null) {
                return style.text(enumType.dbValue(text));
            }
            return field.scalarType() == ScalarType.BYTES ? style.base64Bytes(text) : style.text(text);
        }
        throw new IllegalArgumentException("Field " + model.name() + "." + field.name() + " has a default of type "
                + value.getClass().getSimpleName() + ", which has no SQL literal");
    }

    /** {@code text} as a string literal; standard_conforming_strings keeps backslashes literal. */
    public static String literal(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("The default value " + text.replace("\0", "\\0")
                    + " holds a NUL character, which PostgreSQL cannot store in text");
        }
        if (text.indexOf('\\') >= 0) {
            return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
        }
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * {@code text} as a MySQL string literal: a quote doubled, a backslash and NUL escaped with a
     * backslash (the server's default mode, without {@code NO_BACKSLASH_ESCAPES}).
     */
    public static String mysql(String text) {
        StringBuilder literal = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> literal.append("''");
                case '\\' -> literal.append("\\\\");
                case '\0' -> literal.append("\\0");
                default -> literal.append(c);
            }
        }
        return literal.append('\'').toString();
    }
}
