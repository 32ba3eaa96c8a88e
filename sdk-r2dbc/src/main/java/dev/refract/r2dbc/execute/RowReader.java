package dev.refract.r2dbc.execute;

import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.r2dbc.codec.Codec;
import dev.refract.r2dbc.codec.CodecRegistry;
import dev.refract.r2dbc.codec.Column;
import dev.refract.r2dbc.sql.ResultShape;
import dev.refract.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads driver rows of one result into positional {@link Row}s of a model: column {@code i} goes to
 * the field at {@code fields.get(i)}, every other position stays {@code null}. The codecs and
 * column types are looked up on the first row and reused for the rest, so a row costs one array
 * and one decode per column. One reader serves one result, read serially.
 */
final class RowReader {

    private final int width;
    private final int fieldCount;
    private final int[] positions;
    private final FieldMeta[] fields;
    private final int[] counts;
    private final int keyColumns;
    private final CodecRegistry codecs;
    private Codec[] decoders;
    private String[] typeNames;

    RowReader(ModelMeta model, ResultShape.Rows shape, CodecRegistry codecs) {
        this.fieldCount = model.fieldCount();
        this.positions = shape.fields().stream().mapToInt(Integer::intValue).toArray();
        this.counts = shape.counts().stream().mapToInt(Integer::intValue).toArray();
        this.keyColumns = shape.keyFields().size();
        this.width = fieldCount + (keyColumns > 0 ? 2 : counts.length > 0 ? 1 : 0);
        FieldMeta[] read = StatementExecutor.fieldsOf(model, shape.fields());
        FieldMeta[] all = Arrays.copyOf(read, read.length + keyColumns);
        for (int i = 0; i < keyColumns; i++) {
            all[read.length + i] = shape.keyFields().get(i);
        }
        this.fields = all;
        this.codecs = codecs;
    }

    Row read(io.r2dbc.spi.Row row, RowMetadata metadata) {
        if (decoders == null) {
            prepare(metadata);
        }
        Object[] values = new Object[width];
        for (int i = 0; i < positions.length; i++) {
            values[positions[i]] = decoders[i].decode(new Column(row, i, typeNames[i]), fields[i]);
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
            int first = positions.length + counts.length;
            values[fieldCount + 1] = keyColumns == 1 ? key(row, first, positions.length)
                    : keyList(row, first, positions.length);
        }
        return Row.wrap(values);
    }

    private Object key(io.r2dbc.spi.Row row, int column, int decoder) {
        return decoders[decoder].decode(new Column(row, column, typeNames[decoder]), fields[decoder]);
    }

    private List<Object> keyList(io.r2dbc.spi.Row row, int first, int firstDecoder) {
        List<Object> key = new ArrayList<>(keyColumns);
        for (int i = 0; i < keyColumns; i++) {
            key.add(key(row, first + i, firstDecoder + i));
        }
        return List.copyOf(key);
    }

    private void prepare(RowMetadata metadata) {
        int columns = metadata.getColumnMetadatas().size();
        int expected = positions.length + counts.length + keyColumns;
        if (columns < expected) {
            throw new IllegalStateException("The statement returned " + columns + " columns but its shape reads "
                    + expected);
        }
        // decoders of the key columns follow those of the fields; their columns come after the counts
        Codec[] found = new Codec[fields.length];
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            int column = i < positions.length ? i : i + counts.length;
            found[i] = codecs.decoderFor(fields[i]);
            names[i] = typeName(metadata.getColumnMetadata(column).getType().getName());
        }
        typeNames = names;
        decoders = found;
    }

    /** The PostgreSQL name of a column type, e.g. {@code timestamptz}, {@code _timestamp} for arrays. */
    static String typeName(String driverName) {
        String lower = driverName.toLowerCase(Locale.ROOT);
        return lower.endsWith("_array") ? "_" + lower.substring(0, lower.length() - "_array".length()) : lower;
    }
}
