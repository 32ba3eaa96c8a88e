package dev.refract.meta;

import java.util.List;

/**
 * The whole schema as the runtime sees it, declared as a constant by generated code. The runtime
 * never parses a schema and never reflects on generated classes.
 *
 * @param datasources in declaration order; a datasource's {@code index} is its position here
 * @param models      in declaration order; a model's {@code index} is its position here
 */
public record SchemaMeta(List<DatasourceMeta> datasources, List<ModelMeta> models) {

    public SchemaMeta {
        datasources = List.copyOf(datasources);
        models = List.copyOf(models);
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

    /** The model at {@code index}. */
    public ModelMeta model(int index) {
        return models.get(index);
    }

    /** The datasource at {@code index}. */
    public DatasourceMeta datasource(int index) {
        return datasources.get(index);
    }
}
