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
final class ColumnTypeDecoder {

    private ColumnTypeDecoder() {}

    static Object decode(Readable row, Column column) {
        return switch (column.typeName()) {
            case "timestamp", "timestamptz", "date" -> DateTimeCodec.toInstant(row, column);
            default -> normalise(column.get(row, Object.class));
        };
    }

    private static Object normalise(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof io.r2dbc.postgresql.codec.Json json) {
            return Json.parse(json.asString());
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
