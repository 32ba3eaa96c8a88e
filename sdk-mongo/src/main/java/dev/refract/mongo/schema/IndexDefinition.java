package dev.refract.mongo.schema;

import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * One index of a collection, in the terms of MongoDB's {@code createIndexes} command.
 *
 * @param name               the index's name
 * @param fields             the document fields it spans, in key order, each ascending
 * @param unique             whether two documents may not share its values
 * @param expireAfterSeconds for a TTL index, the seconds after the date in its field at which MongoDB
 *                           deletes the document; {@code null} for any other index
 * @param partialFilter      which documents it holds, or {@code null} for all of them: a unique index
 *                           over optional fields holds only documents that have a value in each
 *                           (see {@link DesiredSchema}), so that documents without one never collide
 */
public record IndexDefinition(String name, List<String> fields, boolean unique, Long expireAfterSeconds,
        Document partialFilter) {

    public IndexDefinition {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " names no field");
        }
    }

    /** The index as {@code createIndexes} takes it and {@code listIndexes} reports it. */
    public Document toDocument() {
        Document key = new Document();
        fields.forEach(field -> key.append(field, 1));
        Document index = new Document("key", key).append("name", name);
        if (unique) {
            index.append("unique", true);
        }
        if (expireAfterSeconds != null) {
            index.append("expireAfterSeconds", expireAfterSeconds);
        }
        if (partialFilter != null) {
            index.append("partialFilterExpression", partialFilter);
        }
        return index;
    }

    /**
     * An index as {@code listIndexes} or a {@code createIndexes} command describes it. Descending and
     * special keys (text, hashed) read as their field names: Refract makes ascending indexes only, and
     * an index it did not make differs from the schema's by name anyway.
     */
    public static IndexDefinition of(Document index) {
        Document key = index.get("key", Document.class);
        Object seconds = index.get("expireAfterSeconds");
        return new IndexDefinition(index.getString("name"), List.copyOf(key.keySet()),
                Boolean.TRUE.equals(index.get("unique")),
                seconds instanceof Number number ? Long.valueOf(number.longValue()) : null,
                index.get("partialFilterExpression", Document.class));
    }

    /** Whether {@code other} is this index as MongoDB would make it: same fields, options and filter. */
    public boolean sameAs(IndexDefinition other) {
        return name.equals(other.name) && fields.equals(other.fields) && unique == other.unique
                && Objects.equals(expireAfterSeconds, other.expireAfterSeconds)
                && Objects.equals(partialFilter == null ? null : partialFilter.toJson(),
                        other.partialFilter == null ? null : other.partialFilter.toJson());
    }

    /** The index in words, e.g. {@code unique index User_email_key (email)}. */
    public String describe() {
        return (unique ? "unique index " : expireAfterSeconds != null ? "TTL index " : "index ") + name + " ("
                + String.join(", ", fields) + (expireAfterSeconds != null ? ", expires after " + expireAfterSeconds
                        + " s" : "") + (partialFilter != null ? ", documents with a value only" : "") + ")";
    }
}
