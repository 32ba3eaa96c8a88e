package dev.refract.mongo.codec;

import dev.refract.error.QueryFailedException;
import dev.refract.spi.Row;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

/**
 * A driver {@link Codec} reading each document of a model straight from the {@link BsonReader}
 * into a positional {@link Row}: each key is looked up once in the model's {@link DocumentLayout}
 * and its value decoded by the field's codec; keys no field has are skipped. A stored value that
 * does not fit its field fails the read with a {@link QueryFailedException} naming the model, the
 * field and the document's {@code _id}.
 *
 * <p>Only decoding: documents are written as {@code BsonDocument}s built by the renderer.
 */
public final class RowCodec implements Codec<Row> {

    /** The error code of a stored value that does not fit its field. */
    public static final String VALUE_MISMATCH = "MONGO_VALUE_MISMATCH";

    private final DocumentLayout layout;
    private final ReadShape shape;
    private final int width;

    /** A codec reading documents of {@code layout}'s model as {@code shape} says. */
    public RowCodec(DocumentLayout layout, ReadShape shape) {
        this.layout = layout;
        this.shape = shape;
        this.width = shape.width(layout.width());
    }

    @Override
    public Row decode(BsonReader reader, DecoderContext context) {
        int fieldCount = layout.width();
        Object[] values = new Object[width];
        Object[] tag = shape.tagFields().isEmpty() ? null : new Object[shape.tagFields().size()];
        Map<Integer, Long> counts = null;
        Object id = null;
        String failedField = null;
        ValueMismatchException failure = null;
        reader.readStartDocument();
        BsonType type;
        while ((type = reader.readBsonType()) != BsonType.END_OF_DOCUMENT) {
            String key = reader.readName();
            int position = layout.position(key);
            if (position < 0) {
                Integer counted = shape.countKeys().isEmpty() ? null : shape.countKeys().get(key);
                if (counted != null) {
                    if (counts == null) {
                        counts = new HashMap<>();
                    }
                    counts.put(counted, count(reader, type));
                } else if ("_id".equals(key) && type == BsonType.OBJECT_ID) {
                    id = reader.readObjectId().toHexString();
                } else {
                    reader.skipValue();
                }
                continue;
            }
            Object value;
            try {
                value = layout.codec(position).decode(reader, type);
            } catch (ValueMismatchException e) {
                if (failure == null) {
                    failure = e;
                    failedField = layout.codec(position).field().name();
                }
                continue;
            }
            if ("_id".equals(key)) {
                id = value;
            }
            if (shape.reads(position)) {
                values[position] = value;
            }
            if (tag != null) {
                int tagIndex = shape.tagFields().indexOf(position);
                if (tagIndex >= 0) {
                    tag[tagIndex] = value;
                }
            }
        }
        reader.readEndDocument();
        if (failure != null) {
            throw new QueryFailedException(layout.name(), VALUE_MISMATCH, "The " + layout.name() + " document with _id "
                    + (id == null ? "(not read)" : id) + " holds a value in field '" + failedField + "' that does not"
                    + " fit the schema: " + failure.getMessage() + ". Correct the stored value, or the field's type in"
                    + " the schema", failure);
        }
        if (!shape.countKeys().isEmpty()) {
            Map<Integer, Long> all = new HashMap<>();
            for (Integer relation : shape.countKeys().values()) {
                all.put(relation, counts == null ? 0L : counts.getOrDefault(relation, 0L));
            }
            values[fieldCount] = all;
        }
        if (tag != null) {
            values[fieldCount + 1] = tag.length == 1 ? tag[0] : Collections.unmodifiableList(Arrays.asList(tag));
        }
        return Row.wrap(values);
    }

    private static long count(BsonReader reader, BsonType type) {
        switch (type) {
            case INT32:
                return reader.readInt32();
            case INT64:
                return reader.readInt64();
            case DOUBLE:
                return (long) reader.readDouble();
            default:
                reader.skipValue();
                return 0L;
        }
    }

    @Override
    public void encode(BsonWriter writer, Row value, EncoderContext context) {
        throw new UnsupportedOperationException("rows are written as BSON documents built by the renderer");
    }

    @Override
    public Class<Row> getEncoderClass() {
        return Row.class;
    }
}
