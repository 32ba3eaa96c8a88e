package dev.refract.meta;

import java.util.List;

/**
 * The whole schema as the runtime sees it, declared as a constant by generated code. The runtime
 * never parses a schema and never reflects on generated classes.
 *
 * @param datasources    in declaration order; a datasource's {@code index} is its position here
 * @param models         in declaration order; a model's {@code index} is its position here
 * @param enums          in declaration order
 * @param compositeTypes in declaration order
 */
public record SchemaMeta(List<DatasourceMeta> datasources, List<ModelMeta> models, List<EnumMeta> enums,
        List<CompositeMeta> compositeTypes) {

    public SchemaMeta {
        datasources = List.copyOf(datasources);
        models = List.copyOf(models);
        enums = List.copyOf(enums);
        compositeTypes = List.copyOf(compositeTypes);
        for (int i = 0; i < datasources.size(); i++) {
            if (datasources.get(i).index() != i) {
                throw new IllegalArgumentException("datasource " + datasources.get(i).name() + " has index "
                        + datasources.get(i).index() + " but sits at position " + i);
            }
        }
        for (int i = 0; i < models.size(); i++) {
            ModelMeta model = models.get(i);
            if (model.index() != i) {
                throw new IllegalArgumentException("model " + model.name() + " has index " + model.index()
                        + " but sits at position " + i);
            }
            if (model.datasource() < 0 || model.datasource() >= datasources.size()) {
                throw new IllegalArgumentException("model " + model.name() + " points at datasource "
                        + model.datasource() + ", which does not exist");
            }
        }
    }

    /** A schema without enums or composite types. */
    public SchemaMeta(List<DatasourceMeta> datasources, List<ModelMeta> models) {
        this(datasources, models, List.of(), List.of());
    }

    /**
     * The composite type called {@code name}; for adapters preparing their codecs, not for the hot path.
     *
     * @throws IllegalArgumentException when there is none
     */
    public CompositeMeta compositeType(String name) {
        for (CompositeMeta type : compositeTypes) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("The schema has no composite type " + name);
    }

    /** The model at {@code index}. */
    public ModelMeta model(int index) {
        return models.get(index);
    }

    /** The datasource at {@code index}. */
    public DatasourceMeta datasource(int index) {
        return datasources.get(index);
    }
}
