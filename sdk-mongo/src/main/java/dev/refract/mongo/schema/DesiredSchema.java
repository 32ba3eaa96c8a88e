package dev.refract.mongo.schema;

import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The collections and indexes the schema asks of one MongoDB datasource: a collection per model
 * (its {@code @@map} name), and per collection
 * <ul>
 *   <li>a unique index per {@code @unique} field and {@code @@unique} — and for a model identified by
 *       a unique key instead of an {@code @id}, that key too; the {@code @id}, stored as {@code _id},
 *       has MongoDB's own index;</li>
 *   <li>an index per {@code @@index}, a TTL index when it has {@code expireAfterSeconds}.</li>
 * </ul>
 * Names follow {@link IndexNames}. A unique index over optional fields holds only documents with a
 * value of the field's type in each of them, so that any number of documents without a value (the
 * field missing or {@code null}) never collide, as rows with {@code NULL} never do in SQL.
 */
public final class DesiredSchema {

    private DesiredSchema() {
    }

    /**
     * The collections and indexes of the datasource at {@code datasource} in {@code schema}.
     *
     * @throws IllegalArgumentException when that datasource is not a MongoDB one
     */
    public static DatabaseSchema of(SchemaMeta schema, int datasource) {
        if (schema.datasource(datasource).provider() != Provider.MONGODB) {
            throw new IllegalArgumentException("Datasource " + schema.datasource(datasource).name() + " is "
                    + schema.datasource(datasource).provider().schemaName() + ", not mongodb");
        }
        List<CollectionDefinition> collections = new ArrayList<>();
        for (ModelMeta model : schema.models()) {
            if (model.datasource() == datasource) {
                collections.add(new CollectionDefinition(model.dbName(), indexes(model)));
            }
        }
        return new DatabaseSchema(collections);
    }

    private static List<IndexDefinition> indexes(ModelMeta model) {
        List<IndexDefinition> indexes = new ArrayList<>();
        if (!model.primaryKey()) {
            indexes.add(unique(model, model.id()));
        }
        model.uniques().forEach(key -> indexes.add(unique(model, key)));
        for (KeyMeta key : model.indexes()) {
            indexes.add(new IndexDefinition(IndexNames.index(model, key), fields(model, key), false,
                    key.expireAfterSeconds(), null));
        }
        return indexes;
    }

    private static IndexDefinition unique(ModelMeta model, KeyMeta key) {
        Document filter = new Document();
        for (int field : key.fields()) {
            FieldMeta meta = model.field(field);
            if (meta.isOptional()) {
                String type = bsonType(meta);
                filter.append(meta.dbName(), type == null ? new Document("$exists", true)
                        : new Document("$type", type));
            }
        }
        return new IndexDefinition(IndexNames.uniqueKey(model, key), fields(model, key), true, null,
                filter.isEmpty() ? null : filter);
    }

    private static List<String> fields(ModelMeta model, KeyMeta key) {
        return key.fields().stream().map(field -> model.field(field).dbName()).toList();
    }

    /**
     * The BSON type (as {@code $type} names it) a value of {@code field} is stored as, or {@code null}
     * when a value may be of any type (a {@code Json} field): its unique index then holds the
     * documents that have the field, {@code null} or not.
     */
    static String bsonType(FieldMeta field) {
        return switch (field.kind()) {
            case ENUM -> "string";
            case COMPOSITE -> "object";
            case RELATION -> null;
            case SCALAR -> switch (field.scalarType()) {
                case STRING -> "ObjectId".equals(field.nativeType()) ? "objectId" : "string";
                case BOOLEAN -> "bool";
                case INT, BIGINT, FLOAT, DECIMAL -> "number";
                case DATETIME -> "date";
                case BYTES -> "binData";
                case JSON -> null;
            };
        };
    }
}
