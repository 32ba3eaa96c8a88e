package dev.refract.r2dbc.codec;

import io.r2dbc.spi.Readable;
import java.util.Objects;

/**
 * One column of one result row, as a codec reads it.
 *
 * @param row      the driver's row
 * @param index    the column's position in the row
 * @param typeName the database type's name as the driver reports it, e.g. {@code timestamptz} or {@code _text}
 */
public record Column(Readable row, int index, String typeName) {

    public Column {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(typeName, "typeName");
    }

    /** The value converted by the driver to {@code type}, or {@code null}. */
    public <T> T get(Class<T> type) {
        return row.get(index, type);
    }
}
