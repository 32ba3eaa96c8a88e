package dev.refract.r2dbc.execute;

import dev.refract.r2dbc.codec.CodecRegistry;
import dev.refract.r2dbc.codec.Column;
import dev.refract.r2dbc.sql.ResultShape;
import dev.refract.spi.Row;
import io.r2dbc.spi.RowMetadata;

/**
 * Reads rows of an aggregate or group-by result: column {@code i} goes to position
 * {@code positions.get(i)} of a row of {@code width} values, each converted by its database type.
 */
final class AggregatedReader {

    private final int width;
    private final int[] positions;
    private final CodecRegistry codecs;
    private String[] typeNames;

    AggregatedReader(ResultShape.Aggregated shape, CodecRegistry codecs) {
        this.width = shape.width();
        this.positions = shape.positions().stream().mapToInt(Integer::intValue).toArray();
        this.codecs = codecs;
    }

    Row read(io.r2dbc.spi.Row row, RowMetadata metadata) {
        if (typeNames == null) {
            String[] names = new String[positions.length];
            for (int i = 0; i < names.length; i++) {
                names[i] = RowReader.typeName(metadata.getColumnMetadata(i).getType().getName());
            }
            typeNames = names;
        }
        Object[] values = new Object[width];
        for (int i = 0; i < positions.length; i++) {
            values[positions[i]] = codecs.decodeByColumnType(new Column(row, i, typeNames[i]));
        }
        return Row.wrap(values);
    }
}
