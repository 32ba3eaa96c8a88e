package dev.refract.codegen.definition;

import java.util.List;
import java.util.Optional;

/**
 * A model.
 *
 * @param dbName          the table, collection or key name: {@code @@map} or the model name
 * @param doc             its {@code ///} documentation, empty when none
 * @param datasource      the name of its datasource ({@code @@datasource} or the first declared)
 * @param datasourceIndex the index of that datasource
 * @param fields          in declaration order, without {@code @ignore}d ones
 * @param id              the primary key ({@code @id} or {@code @@id}), or {@code null} for a model
 *                        identified only by {@code @unique} or {@code @@unique}
 * @param uniques         every unique constraint other than the id: single-field {@code @unique}
 *                        and {@code @@unique}
 * @param indexes         {@code @@index} declarations
 * @param cache           {@code @@cache(...)}, or {@code null}
 * @param ttlSeconds      {@code @@ttl(...)}, or {@code null}
 */
public record ModelDefinition(String name, String dbName, String doc, String datasource, int datasourceIndex,
        List<FieldDefinition> fields, KeyDefinition id, List<KeyDefinition> uniques, List<KeyDefinition> indexes,
        CacheDefinition cache, Long ttlSeconds) {

    public ModelDefinition {
        fields = List.copyOf(fields);
        uniques = List.copyOf(uniques);
        indexes = List.copyOf(indexes);
    }

    /** The field named {@code name}. */
    public Optional<FieldDefinition> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The fields stored in this model's own table or document: all but relation fields. */
    public List<FieldDefinition> storedFields() {
        return fields.stream().filter(f -> f.relation() == null).toList();
    }

    /** The relation fields. */
    public List<FieldDefinition> relationFields() {
        return fields.stream().filter(f -> f.relation() != null).toList();
    }
}
