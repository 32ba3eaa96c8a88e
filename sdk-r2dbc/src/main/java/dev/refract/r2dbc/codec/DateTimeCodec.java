package dev.refract.r2dbc.codec;

import dev.refract.meta.ScalarType;
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
 * are taken as UTC, never as the JVM's default zone. A {@code time} or {@code timetz} (a time of
 * day, {@code @db.Time} / {@code @db.Timetz}) is that time on 1970-01-01, in UTC or at its offset.
 */
final class DateTimeCodec extends ScalarCodec {

    /** The day a time of day is read on. */
    private static final LocalDate EPOCH_DAY = LocalDate.EPOCH;

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
            case "time" -> {
                LocalTime time = column.get(LocalTime.class);
                yield time == null ? null : time.atDate(EPOCH_DAY).toInstant(ZoneOffset.UTC);
            }
            case "timetz" -> {
                OffsetTime time = column.get(OffsetTime.class);
                yield time == null ? null : time.atDate(EPOCH_DAY).toInstant();
            }
            default -> {
                OffsetDateTime offset = column.get(OffsetDateTime.class);
                yield offset == null ? null : offset.toInstant();
            }
        };
    }
}
