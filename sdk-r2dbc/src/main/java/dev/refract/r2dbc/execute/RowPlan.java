package dev.refract.r2dbc.execute;

import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.r2dbc.codec.Codec;
import dev.refract.r2dbc.codec.CodecRegistry;
import dev.refract.r2dbc.codec.Column;
import dev.refract.r2dbc.sql.ResultShape;
import dev.refract.spi.Row;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.RowMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How rows of one {@link ResultShape.Rows} are read into positional {@link Row}s of a model: column
 * {@code i} goes to the field at {@code fields.get(i)}, every other position stays {@code null}.
 * The codecs are found once per shape, and the column types of the last result are kept and reused
 * while later results report the same types, so a row costs one array and one decode per column.
 * Shared by every result of its shape, from any thread.
 */
final class RowPlan {

    private final int width;
    private final int fieldCount;
    private final int[] positions;
    private final int[] counts;
    private final int keyColumns;
    /** The fields read, then the key fields; {@code decoders} and {@code columnIndexes} run alongside. */
    private final FieldMeta[] fields;
    private final Codec[] decoders;
    /** The result column each field is read from: the key columns come after the counts. */
    private final int[] columnIndexes;
    private volatile ResultColumns last;

    /** @throws IllegalArgumentException when no codec reads one of the fields */
    RowPlan(ModelMeta model, ResultShape.Rows shape, CodecRegistry codecs) {
        List<Integer> read = shape.fields();
        this.fieldCount = model.fieldCount();
        this.positions = toArray(read);
        this.counts = toArray(shape.counts());
        this.keyColumns = shape.keyFields().size();
        this.width = fieldCount + (keyColumns > 0 ? 2 : counts.length > 0 ? 1 : 0);
        int total = positions.length + keyColumns;
        this.fields = new FieldMeta[total];
        this.decoders = new Codec[total];
        this.columnIndexes = new int[total];
        for (int i = 0; i < total; i++) {
            boolean key = i >= positions.length;
            fields[i] = key ? shape.keyFields().get(i - positions.length) : model.field(positions[i]);
            decoders[i] = codecs.decoderFor(fields[i]);
            columnIndexes[i] = key ? i + counts.length : i;
        }
    }

    /**
     * The columns of a result as the decoders read them, one per field; those of the previous result
     * when the types are the same.
     *
     * @throws IllegalStateException when the result has fewer columns than the shape reads
     */
    Column[] columns(RowMetadata metadata) {
        int found = metadata.getColumnMetadatas().size();
        int expected = positions.length + counts.length + keyColumns;
        if (found < expected) {
            throw new IllegalStateException("The statement returned " + found + " columns but its shape reads "
                    + expected);
        }
        ResultColumns cached = last;
        if (cached != null && cached.describes(metadata)) {
            return cached.columns();
        }
        ResultColumns fresh = ResultColumns.of(metadata, columnIndexes);
        last = fresh;
        return fresh.columns();
    }

    /** The row of {@code row}, whose columns are {@code columns} (from {@link #columns}). */
    Row read(Readable row, Column[] columns) {
        Object[] values = new Object[width];
        for (int i = 0; i < positions.length; i++) {
            values[positions[i]] = decoders[i].decode(row, columns[i], fields[i]);
        }
        if (counts.length > 0) {
            Map<Integer, Long> counted = new HashMap<>(counts.length * 2);
            for (int i = 0; i < counts.length; i++) {
                Number count = row.get(positions.length + i, Number.class);
                counted.put(counts[i], count == null ? 0L : count.longValue());
            }
            values[fieldCount] = Map.copyOf(counted);
        }
        if (keyColumns > 0) {
            values[fieldCount + 1] = keyColumns == 1 ? key(row, columns, positions.length) : keyList(row, columns);
        }
        return Row.wrap(values);
    }

    private Object key(Readable row, Column[] columns, int field) {
        return decoders[field].decode(row, columns[field], fields[field]);
    }

    private List<Object> keyList(Readable row, Column[] columns) {
        List<Object> key = new ArrayList<>(keyColumns);
        for (int i = 0; i < keyColumns; i++) {
            key.add(key(row, columns, positions.length + i));
        }
        return List.copyOf(key);
    }

    private static int[] toArray(List<Integer> values) {
        int[] array = new int[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
