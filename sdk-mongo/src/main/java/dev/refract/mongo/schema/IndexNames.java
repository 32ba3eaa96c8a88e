package dev.refract.mongo.schema;

import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import java.util.stream.Collectors;

/**
 * The names Refract gives the indexes of a MongoDB collection, as Prisma names constraints: the
 * collection, the keys' document fields and a suffix, joined by underscores — {@code User_email_key}
 * for a unique index, {@code Post_authorId_createdAt_idx} for a plain or TTL one. A name the schema
 * gives ({@code map:}, or {@code name:} when only it is written) wins.
 */
public final class IndexNames {

    private IndexNames() {
    }

    /** The unique index of {@code key} of {@code model}: its own name, or {@code Collection_a_b_key}. */
    public static String uniqueKey(ModelMeta model, KeyMeta key) {
        return key.name() != null ? key.name() : generated(model, key, "key");
    }

    /** The plain (or TTL) index of {@code key} of {@code model}: its own name, or {@code Collection_a_b_idx}. */
    public static String index(ModelMeta model, KeyMeta key) {
        return key.name() != null ? key.name() : generated(model, key, "idx");
    }

    private static String generated(ModelMeta model, KeyMeta key, String suffix) {
        return model.dbName() + "_" + key.fields().stream().map(f -> model.field(f).dbName())
                .collect(Collectors.joining("_")) + "_" + suffix;
    }
}
