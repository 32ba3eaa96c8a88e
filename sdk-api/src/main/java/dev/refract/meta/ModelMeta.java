package dev.refract.meta;

import java.util.List;
import java.util.Objects;

/**
 * A model as the runtime sees it. Every reference to a field, datasource or model is an index, so
 * the hot path reads arrays, never maps.
 *
 * @param name       the model's name
 * @param dbName     the table, collection or key prefix
 * @param index      the position of this model in {@link SchemaMeta#models()}
 * @param datasource the index of its datasource in {@link SchemaMeta#datasources()}
 * @param fields     every field in declaration order, relation fields included; a row holds one value per field
 * @param id         the key that identifies a record: the primary key, or, for a model identified
 *                   only by unique constraints, the first of them
 * @param uniques    every other unique constraint
 * @param relations  the relation fields' relations, in declaration order
 * @param cache      the read-through cache, or {@code null}
 * @param ttlSeconds how long a record lives before the store expires it, or {@code 0} for ever
 * @param indexes    the {@code @@index} declarations; a key's name is the index name given by {@code map:}
 * @param primaryKey true when {@code id} is a primary key ({@code @id} or {@code @@id}), false when the
 *                   model is identified by its first unique constraint
 * @param expiresAt  the index of the {@code DateTime} field marked {@code @expiresAt}, whose value is the
 *                   instant the store expires the record at, or {@code -1} when none is marked
 */
public record ModelMeta(String name, String dbName, int index, int datasource, List<FieldMeta> fields, KeyMeta id,
        List<KeyMeta> uniques, List<RelationMeta> relations, CacheMeta cache, long ttlSeconds, List<KeyMeta> indexes,
        boolean primaryKey, int expiresAt) {

    public ModelMeta {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dbName, "dbName");
        Objects.requireNonNull(id, "id");
        fields = List.copyOf(fields);
        uniques = List.copyOf(uniques);
        relations = List.copyOf(relations);
        indexes = List.copyOf(indexes);
        if (ttlSeconds < 0) {
            throw new IllegalArgumentException("model " + name + ": ttl must not be negative, was " + ttlSeconds);
        }
        if (expiresAt < -1 || expiresAt >= fields.size()) {
            throw new IllegalArgumentException("model " + name + ": the @expiresAt field index " + expiresAt
                    + " is not the index of one of its " + fields.size() + " fields, nor -1 for none");
        }
    }

    /** A model whose records carry no {@code @expiresAt} field. */
    public ModelMeta(String name, String dbName, int index, int datasource, List<FieldMeta> fields, KeyMeta id,
            List<KeyMeta> uniques, List<RelationMeta> relations, CacheMeta cache, long ttlSeconds, List<KeyMeta> indexes,
            boolean primaryKey) {
        this(name, dbName, index, datasource, fields, id, uniques, relations, cache, ttlSeconds, indexes, primaryKey, -1);
    }

    /** A model with a primary key and no {@code @@index}. */
    public ModelMeta(String name, String dbName, int index, int datasource, List<FieldMeta> fields, KeyMeta id,
            List<KeyMeta> uniques, List<RelationMeta> relations, CacheMeta cache, long ttlSeconds) {
        this(name, dbName, index, datasource, fields, id, uniques, relations, cache, ttlSeconds, List.of(), true, -1);
    }

    /** This model with the {@code @@index} declarations {@code indexes}. */
    public ModelMeta withIndexes(List<KeyMeta> indexes) {
        return new ModelMeta(name, dbName, index, datasource, fields, id, uniques, relations, cache, ttlSeconds,
                indexes, primaryKey, expiresAt);
    }

    /** This model identified by its first unique constraint, as it has no primary key. */
    public ModelMeta identifiedByUnique() {
        return new ModelMeta(name, dbName, index, datasource, fields, id, uniques, relations, cache, ttlSeconds,
                indexes, false, expiresAt);
    }

    /**
     * This model expiring each record at the instant its field at {@code field} holds (the field marked
     * {@code @expiresAt}).
     */
    public ModelMeta expiringAt(int field) {
        return new ModelMeta(name, dbName, index, datasource, fields, id, uniques, relations, cache, ttlSeconds,
                indexes, primaryKey, field);
    }

    /** True when a field of this model is marked {@code @expiresAt}. */
    public boolean hasExpiresAt() {
        return expiresAt >= 0;
    }

    /** The field at {@code index}. */
    public FieldMeta field(int index) {
        return fields.get(index);
    }

    /** The number of fields, which is also the width of a row of this model. */
    public int fieldCount() {
        return fields.size();
    }

    /**
     * The relation declared by the field at {@code fieldIndex}.
     *
     * @throws IllegalArgumentException when that field is not a relation field
     */
    public RelationMeta relation(int fieldIndex) {
        for (RelationMeta relation : relations) {
            if (relation.field() == fieldIndex) {
                return relation;
            }
        }
        throw new IllegalArgumentException("field " + fieldIndex + " of model " + name + " is not a relation field");
    }
}
