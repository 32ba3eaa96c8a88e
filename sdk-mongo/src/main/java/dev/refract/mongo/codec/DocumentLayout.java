package dev.refract.mongo.codec;

import dev.refract.meta.FieldMeta;
import dev.refract.spi.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonReader;
import org.bson.BsonType;

/**
 * The keys of the documents of one model or composite type, worked out once: per field position
 * its document key and {@link FieldCodec}, and per key its position, so a document is read
 * straight into a positional row without an intermediate document and without reflection.
 * Relation fields have no key.
 */
public final class DocumentLayout {

    private final String name;
    private final String[] keys;
    private final FieldCodec[] codecs;
    private final Map<String, Integer> positions;

    DocumentLayout(String name, List<FieldMeta> fields) {
        this.name = name;
        this.keys = new String[fields.size()];
        this.codecs = new FieldCodec[fields.size()];
        this.positions = new HashMap<>(fields.size() * 2);
        for (int i = 0; i < fields.size(); i++) {
            FieldMeta field = fields.get(i);
            if (!field.isRelation()) {
                keys[i] = field.dbName();
                positions.put(field.dbName(), i);
            }
        }
    }

    void codec(int position, FieldCodec codec) {
        codecs[position] = codec;
    }

    /** The model's or composite type's name. */
    public String name() {
        return name;
    }

    /** The number of field positions. */
    public int width() {
        return keys.length;
    }

    /** The document key of the field at {@code position}, or {@code null} for a relation field. */
    public String key(int position) {
        return keys[position];
    }

    /** The codec of the field at {@code position}, or {@code null} for a relation field. */
    public FieldCodec codec(int position) {
        return codecs[position];
    }

    /** The position of the field stored under {@code key}, or -1 when no field is. */
    public int position(String key) {
        Integer position = positions.get(key);
        return position == null ? -1 : position;
    }

    /** An embedded document of {@code row}'s values, fields holding no value left out. */
    public BsonDocument encode(Row row) {
        BsonDocument document = new BsonDocument();
        for (int i = 0; i < keys.length; i++) {
            Object value = i < row.size() ? row.get(i) : null;
            if (keys[i] != null && value != null) {
                document.append(keys[i], codecs[i].encode(value));
            }
        }
        return document;
    }

    /** Reads the embedded document at the reader's position into a row of this layout's width. */
    public Row decode(BsonReader reader) {
        Object[] values = new Object[keys.length];
        reader.readStartDocument();
        BsonType type;
        while ((type = reader.readBsonType()) != BsonType.END_OF_DOCUMENT) {
            int position = position(reader.readName());
            if (position < 0) {
                reader.skipValue();
            } else {
                values[position] = codecs[position].decode(reader, type);
            }
        }
        reader.readEndDocument();
        return Row.wrap(values);
    }
}
