package dev.refract.r2dbc.codec;

import dev.refract.meta.FieldMeta;
import io.r2dbc.spi.Readable;

/**
 * Converts one kind of value in both directions: bound values of the closed scalar set into what
 * the driver binds, and result columns into the Java form a {@link dev.refract.spi.Row} carries.
 * A codec may handle only one direction; the registry asks {@code canEncode}/{@code canDecode}
 * first and uses the first codec that answers true. The answers must depend on their argument alone:
 * the registry remembers them per bound class, and readers per result shape.
 */
public interface Codec {

    /** True when this codec binds values declared as {@code type} (a {@link dev.refract.r2dbc.sql.Bind#type()}). */
    boolean canEncode(Class<?> type);

    /**
     * The driver's form of {@code value}, which is non-null and of a type this codec encodes: a
     * value the driver binds, or an {@link io.r2dbc.spi.Parameter} carrying its own type.
     *
     * @param registry the registry, for codecs of containers that encode their elements
     */
    Object encode(Object value, CodecRegistry registry);

    /**
     * The class the driver binds a {@code null} declared as {@code type} with ({@code Statement.bindNull}),
     * or {@code null} to send it without a type so that the database infers it from the statement.
     */
    Class<?> nullType(Class<?> type);

    /** True when this codec reads columns holding {@code field}. */
    boolean canDecode(FieldMeta field);

    /**
     * The value of {@code column} in {@code row}, in the Java form of {@code field}'s type, or {@code null}.
     *
     * @param row    the driver's row
     * @param column the column read: its index and the name of its database type
     */
    Object decode(Readable row, Column column, FieldMeta field);
}
