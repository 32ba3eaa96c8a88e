package dev.refract.r2dbc.codec;

import dev.refract.json.Json;
import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Scalar and enum lists as PostgreSQL arrays ({@code text[]}, {@code int4[]}, …). Elements are
 * encoded by the registry, so a list binds whatever its elements bind; the array's element type is
 * taken from the first non-null element. An empty list, an all-null list and a {@code null} list
 * have no element type to go by, so they are sent without a type and the database takes the
 * column's or operand's type, as for an array literal written in the SQL.
 */
final class ListCodec implements Codec {

    @Override
    public boolean canEncode(Class<?> type) {
        return List.class.isAssignableFrom(type);
    }

    @Override
    public Object encode(Object value, CodecRegistry registry) {
        List<?> list = (List<?>) value;
        Class<?> elementType = null;
        for (Object element : list) {
            if (element != null) {
                elementType = registry.nullType(element.getClass());
                break;
            }
        }
        if (elementType == null) {
            return Parameters.in(PostgresqlObjectId.UNSPECIFIED, untypedArray(list.size()));
        }
        Object array = Array.newInstance(elementType, list.size());
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            Array.set(array, i, element == null ? null : registry.encode(element, element.getClass()));
        }
        return array;
    }

    @Override
    public Class<?> nullType(Class<?> type) {
        return null;
    }

    /** The array literal of {@code size} nulls, e.g. {@code {NULL,NULL}}; {@code {}} when empty. */
    private static String untypedArray(int size) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            literal.append(i == 0 ? "NULL" : ",NULL");
        }
        return literal.append('}').toString();
    }

    @Override
    public boolean canDecode(FieldMeta field) {
        return field.isList() && (field.kind() == FieldKind.SCALAR || field.kind() == FieldKind.ENUM);
    }

    @Override
    public Object decode(Readable row, Column column, FieldMeta field) {
        if (field.kind() == FieldKind.ENUM) {
            return read(row, column, String[].class, element -> element);
        }
        return switch (field.scalarType()) {
            case STRING -> read(row, column, String[].class, element -> element);
            case BOOLEAN -> read(row, column, Boolean[].class, element -> element);
            case INT -> read(row, column, Integer[].class, element -> element);
            case BIGINT -> read(row, column, Long[].class, element -> element);
            case FLOAT -> read(row, column, Double[].class, element -> element);
            case DECIMAL -> read(row, column, BigDecimal[].class, element -> element);
            case DATETIME -> column.typeName().equals("_timestamp")
                    ? read(row, column, LocalDateTime[].class, local -> local.toInstant(ZoneOffset.UTC))
                    : read(row, column, OffsetDateTime[].class, OffsetDateTime::toInstant);
            case JSON -> read(row, column, io.r2dbc.postgresql.codec.Json[].class, json -> Json.parse(json.asString()));
            case BYTES -> read(row, column, ByteBuffer[].class, BytesCodec::toBytes);
        };
    }

    /** The array read as {@code arrayType}, its non-null elements converted; null elements stay null. */
    private static <E> List<Object> read(Readable row, Column column, Class<E[]> arrayType,
            Function<? super E, Object> convert) {
        E[] array = column.get(row, arrayType);
        if (array == null) {
            return null;
        }
        List<Object> values = new ArrayList<>(array.length);
        for (E element : array) {
            values.add(element == null ? null : convert.apply(element));
        }
        return Collections.unmodifiableList(values);
    }
}
