package dev.refract.r2dbc.ddl;

import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.SchemaMeta;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every database's data definition reads from the metadata of one datasource: its models, the
 * enums they use and their implicit many-to-many join tables. The data definition renderers and the
 * desired catalog of a datasource read the same facts from here.
 */
public final class DatasourceModels {

    final SchemaMeta schema;
    final DatasourceMeta datasource;
    final List<ModelMeta> models;

    private DatasourceModels(SchemaMeta schema, DatasourceMeta datasource) {
        this.schema = schema;
        this.datasource = datasource;
        this.models = schema.models().stream().filter(m -> m.datasource() == datasource.index()).toList();
    }

    /** The whole schema the datasource belongs to. */
    public SchemaMeta schema() {
        return schema;
    }

    /** The datasource. */
    public DatasourceMeta datasource() {
        return datasource;
    }

    /** The models that live in the datasource, in the schema's order. */
    public List<ModelMeta> models() {
        return models;
    }

    /**
     * The models of the datasource at {@code index}, which must be of {@code provider}.
     *
     * @throws IllegalArgumentException when there is no such datasource or it is of another provider
     */
    public static DatasourceModels of(SchemaMeta schema, int index, Provider provider) {
        if (index < 0 || index >= schema.datasources().size()) {
            throw new IllegalArgumentException("The schema has no datasource with index " + index
                    + "; it declares " + schema.datasources().size());
        }
        DatasourceMeta datasource = schema.datasource(index);
        if (datasource.provider() != provider) {
            throw new IllegalArgumentException("Datasource " + datasource.name() + " is " + datasource.provider()
                    .schemaName() + ", but this renders " + provider.schemaName() + " data definition; push only "
                    + provider.schemaName() + " datasources with it");
        }
        return new DatasourceModels(schema, datasource);
    }

    /** The enums the datasource's models use, in the schema's order. */
    public List<EnumMeta> usedEnums() {
        Set<String> used = new LinkedHashSet<>();
        for (ModelMeta model : models) {
            for (FieldMeta field : model.fields()) {
                if (field.kind() == FieldKind.ENUM) {
                    used.add(field.typeName());
                }
            }
        }
        return schema.enums().stream().filter(e -> used.contains(e.name())).toList();
    }

    /** The enum of {@code field}, or {@code null} for a field that is no enum. */
    public EnumMeta enumOf(ModelMeta model, FieldMeta field) {
        if (field.kind() != FieldKind.ENUM) {
            return null;
        }
        return schema.enums().stream().filter(e -> e.name().equals(field.typeName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Field " + model.name() + "." + field.name()
                        + " has the enum type " + field.typeName() + ", which the schema metadata does not declare"));
    }

    /**
     * The unique keys of {@code model} that get a unique index: its id when it is not the primary
     * key, the declared unique keys, and each field flagged unique whose key the metadata does not
     * list on its own.
     */
    public static List<KeyMeta> uniqueKeys(ModelMeta model) {
        List<KeyMeta> uniques = new ArrayList<>();
        if (!model.primaryKey()) {
            uniques.add(model.id());
        }
        uniques.addAll(model.uniques());
        for (int i = 0; i < model.fieldCount(); i++) {
            List<Integer> alone = List.of(i);
            if (model.field(i).unique() && uniques.stream().noneMatch(k -> k.fields().equals(alone))) {
                uniques.add(KeyMeta.of(i));
            }
        }
        return uniques;
    }

    /**
     * An implicit many-to-many join table: column {@code A} points at model {@code a}, column
     * {@code B} at {@code b}, {@code a} being the model whose name sorts first, as Prisma has it.
     */
    public record JoinTable(String name, ModelMeta a, ModelMeta b) {

        /**
         * The id field of {@code model}, which a join table column points at.
         *
         * @throws IllegalArgumentException for a compound id, which no join table column can hold
         */
        public FieldMeta idOf(ModelMeta model) {
            if (model.id().fields().size() != 1) {
                throw new IllegalArgumentException("Model " + model.name() + " has a compound id, so the implicit"
                        + " many-to-many relation " + name.substring(1) + " cannot point at it; give it a single"
                        + " @id field or model the relation with an explicit join model");
            }
            return model.field(model.id().fields().get(0));
        }
    }

    /** The implicit many-to-many relations of the datasource, each once. */
    public List<JoinTable> joinTables() {
        List<JoinTable> joins = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ModelMeta model : models) {
            for (RelationMeta relation : model.relations()) {
                if (!relation.toMany() || relation.holdsForeignKey() || relation.crossDatasource()) {
                    continue;
                }
                ModelMeta target = schema.model(relation.targetModel());
                RelationMeta opposite = target.relation(relation.oppositeField());
                if (!opposite.toMany() || opposite.holdsForeignKey() || !seen.add(relation.name())) {
                    continue;
                }
                boolean thisFirst = model.name().compareTo(target.name()) <= 0;
                joins.add(new JoinTable("_" + relation.name(), thisFirst ? model : target, thisFirst ? target : model));
            }
        }
        return joins;
    }
}
