package dev.refract.r2dbc.codec;

import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@code DateTime} as {@code Instant} on MySQL and MariaDB, stored in a {@code DATETIME(3)} as the
 * instant's UTC date and time: bound as that {@code LocalDateTime}, read back as UTC, so neither the
 * JVM's nor the session's time zone shifts a value. A {@code DATE} column is read as its midnight in UTC.
 */
final class MySqlDateTimeCodec extends ScalarCodec {

    MySqlDateTimeCodec() {
        super(Instant.class, ScalarType.DATETIME);
    }

    @Override
    public Object encode(Object value, CodecRegistry registry) {
        return LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
    }

    @Override
    public Class<?> nullType(Class<?> type) {
        return LocalDateTime.class;
    }

    @Override
    public Object decode(Readable row, Column column, FieldMeta field) {
        if (column.typeName().equals("date")) {
            LocalDate date = column.get(row, LocalDate.class);
            return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        LocalDateTime local = column.get(row, LocalDateTime.class);
        return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }
}
