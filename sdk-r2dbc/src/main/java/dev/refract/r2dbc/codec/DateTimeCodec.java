package dev.refract.r2dbc.codec;

import dev.refract.meta.ScalarType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code DateTime} as {@code Instant}, bound as {@code timestamptz}. Read timezone-safe: a
 * {@code timestamptz} is an instant already; a {@code timestamp} without zone and a {@code date}
 * are taken as UTC, never as the JVM's default zone.
 */
final class DateTimeCodec extends ScalarCodec {

    DateTimeCodec() {
        super(Instant.class, ScalarType.DATETIME);
    }

    @Override
    public Object decode(Column column, dev.refract.meta.FieldMeta field) {
        return toInstant(column);
    }

    static Instant toInstant(Column column) {
        return switch (column.typeName()) {
            case "timestamp" -> {
                LocalDateTime local = column.get(LocalDateTime.class);
                yield local == null ? null : local.toInstant(ZoneOffset.UTC);
            }
            case "date" -> {
                LocalDate date = column.get(LocalDate.class);
                yield date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            default -> {
                OffsetDateTime offset = column.get(OffsetDateTime.class);
                yield offset == null ? null : offset.toInstant();
            }
        };
    }
}
