package dev.refract.r2dbc.ddl;

import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.RelationMeta;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The names Prisma gives constraints and indexes, which Refract's data definition uses in every
 * database and its error translation reads back: the table, the key's columns and a suffix, joined
 * by underscores ({@code User_email_key}, {@code Post_authorId_idx}, {@code Post_authorId_fkey}).
 */
public final class ConstraintNames {

    private ConstraintNames() {
    }

    /** The unique index of {@code key} of {@code model}: {@code Table_a_b_key}. */
    public static String uniqueKey(ModelMeta model, KeyMeta key) {
        return keyName(model, key, "key");
    }

    /** The plain index of {@code key} of {@code model}: its own name, or {@code Table_a_b_idx}. */
    public static String index(ModelMeta model, KeyMeta key) {
        return key.name() != null ? key.name() : keyName(model, key, "idx");
    }

    /** The foreign key that {@code relation} of {@code model} holds: {@code Table_a_b_fkey}, every column of a compound key. */
    public static String foreignKey(ModelMeta model, RelationMeta relation) {
        return keyName(model, new KeyMeta(null, Arrays.stream(relation.fields()).boxed().toList()), "fkey");
    }

    /** The table, the key's columns and {@code suffix}, joined by underscores. */
    static String keyName(ModelMeta model, KeyMeta key, String suffix) {
        return model.dbName() + "_" + key.fields().stream().map(f -> model.field(f).dbName())
                .collect(Collectors.joining("_")) + "_" + suffix;
    }
}
