package dev.refract.r2dbc.execute;

import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.r2dbc.codec.Codec;
import dev.refract.r2dbc.codec.CodecRegistry;
import dev.refract.r2dbc.codec.Column;
import dev.refract.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.List;
import java.util.Locale;

/**
 * Reads driver rows of one result into positional {@link Row}s of a model: column {@code i} goes to
 * the field at {@code fields.get(i)}, every other position stays {@code null}. The codecs and
 * column types are looked up on the first row and reused for the rest, so a row costs one array
 * and one decode per column. One reader serves one result, read serially.
 */
final class RowReader {

    private final int width;
    private final int[] positions;
    private final FieldMeta[] fields;
    private final CodecRegistry codecs;
    private Codec[] decoders;
    private String[] typeNames;

    RowReader(ModelMeta model, List<Integer> fields, CodecRegistry codecs) {
        this.width = model.fieldCount();
        this.positions = fields.stream().mapToInt(Integer::intValue).toArray();
        this.fields = StatementExecutor.fieldsOf(model, fields);
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
        return Row.wrap(values);
    }

    private void prepare(RowMetadata metadata) {
        int columns = metadata.getColumnMetadatas().size();
        if (columns < positions.length) {
            throw new IllegalStateException("The statement returned " + columns + " columns but its shape reads "
                    + positions.length);
        }
        Codec[] found = new Codec[positions.length];
        String[] names = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            found[i] = codecs.decoderFor(fields[i]);
            names[i] = typeName(metadata.getColumnMetadata(i).getType().getName());
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
