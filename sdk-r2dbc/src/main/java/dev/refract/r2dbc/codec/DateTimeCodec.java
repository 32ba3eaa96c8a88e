package dev.refract.r2dbc.codec;

import dev.refract.meta.ScalarType;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * {@code DateTime} as {@code Instant}, bound as {@code timestamptz}. Read timezone-safe: a
 * {@code timestamptz} is an instant already; a {@code timestamp} without zone and a {@code date}
 * are taken as UTC, never as the JVM's default zone. A {@code time} is that time of day on
 * 1970-01-01 in UTC, a {@code timetz} that time of day in its own offset on the same date.
 */
final class DateTimeCodec extends ScalarCodec {

    private static final LocalDate EPOCH_DAY = LocalDate.EPOCH;

    DateTimeCodec() {
        super(Instant.class, ScalarType.DATETIME);
    }

    @Override
    public Object decode(Readable row, Column column, dev.refract.meta.FieldMeta field) {
        return toInstant(row, column);
    }

    static Instant toInstant(Readable row, Column column) {
        return switch (column.typeName()) {
            case "timestamp" -> {
                LocalDateTime local = column.get(row, LocalDateTime.class);
                yield local == null ? null : local.toInstant(ZoneOffset.UTC);
            }
            case "date" -> {
                LocalDate date = column.get(row, LocalDate.class);
                yield date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            case "time" -> {
                LocalTime time = column.get(row, LocalTime.class);
                yield time == null ? null : time.atDate(EPOCH_DAY).toInstant(ZoneOffset.UTC);
            }
            case "timetz" -> {
                OffsetTime time = column.get(row, OffsetTime.class);
                yield time == null ? null : time.atDate(EPOCH_DAY).toInstant();
            }
            default -> {
                OffsetDateTime offset = column.get(row, OffsetDateTime.class);
                yield offset == null ? null : offset.toInstant();
            }
        };
    }
}
