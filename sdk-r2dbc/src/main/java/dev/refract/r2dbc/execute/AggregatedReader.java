package dev.refract.r2dbc.execute;

import dev.refract.r2dbc.codec.CodecRegistry;
import dev.refract.r2dbc.codec.Column;
import dev.refract.r2dbc.sql.ResultShape;
import dev.refract.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.function.BiFunction;

/**
 * Reads rows of an aggregate or group-by result: column {@code i} goes to position
 * {@code positions.get(i)} of a row of {@code width} values, each converted by its database type.
 */
final class AggregatedReader implements BiFunction<io.r2dbc.spi.Row, RowMetadata, Row> {

    private final int width;
    private final int[] positions;
    private final CodecRegistry codecs;
    private Column[] columns;

    AggregatedReader(ResultShape.Aggregated shape, CodecRegistry codecs) {
        this.width = shape.width();
        this.positions = shape.positions().stream().mapToInt(Integer::intValue).toArray();
        this.codecs = codecs;
    }

    @Override
    public Row apply(io.r2dbc.spi.Row row, RowMetadata metadata) {
        if (columns == null) {
            int[] indexes = new int[positions.length];
            for (int i = 0; i < indexes.length; i++) {
                indexes[i] = i;
            }
            columns = ResultColumns.of(metadata, indexes).columns();
        }
        Object[] values = new Object[width];
        for (int i = 0; i < positions.length; i++) {
            values[positions[i]] = codecs.decodeByColumnType(row, columns[i]);
        }
        return Row.wrap(values);
    }
}
