package dev.refract.r2dbc.codec;

import dev.refract.json.Json;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a column by its database type alone, for results whose columns belong to no field, such
 * as aggregates: the driver's default Java value, brought into the closed scalar set
 * ({@code timestamptz} and {@code timestamp} to {@code Instant} as UTC, JSON to {@link Json},
 * {@code bytea} to {@code byte[]}, arrays to lists, enums and other text-like types to
 * {@code String}).
 */
enum ColumnTypeDecoder {

    /** r2dbc-postgresql's types. */
    POSTGRES {
        @Override
        Object decode(Readable row, Column column) {
            return switch (column.typeName()) {
                case "timestamp", "timestamptz", "date" -> DateTimeCodec.toInstant(row, column);
                default -> normalise(column.get(row, Object.class));
            };
        }
    },

    /**
     * r2dbc-mysql's types: {@code DATETIME} and {@code TIMESTAMP} as UTC, {@code JSON} (which the
     * driver reads as text) parsed, {@code TINYINT(1)} as the number the driver gives, since a
     * column of no field does not say it holds a boolean.
     */
    MYSQL {
        @Override
        Object decode(Readable row, Column column) {
            return switch (column.typeName()) {
                case "json" -> {
                    String text = column.get(row, String.class);
                    yield text == null ? null : Json.parse(text);
                }
                default -> normalise(column.get(row, Object.class));
            };
        }
    };

    abstract Object decode(Readable row, Column column);

    private static Object normalise(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof io.r2dbc.postgresql.codec.Json json) {
            return Json.parse(json.asString());
        }
        if (value instanceof byte[]) {
            return value;
        }
        if (value instanceof ByteBuffer buffer) {
            return BytesCodec.toBytes(buffer);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (value instanceof Object[] array) {
            List<Object> list = new ArrayList<>(array.length);
            for (Object element : array) {
                list.add(normalise(element));
            }
            return Collections.unmodifiableList(list);
        }
        return value.toString();
    }
}
