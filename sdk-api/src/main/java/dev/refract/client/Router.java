package dev.refract.client;

import dev.refract.meta.SchemaMeta;

/**
 * Finds a model's datasource by array index: built once per client, read on every call without a
 * map look-up.
 */
final class Router {

    private final DatasourceSlot[] slotsByModel;

    Router(SchemaMeta schema, DatasourceSlot[] slotsByDatasource) {
        slotsByModel = new DatasourceSlot[schema.models().size()];
        for (int i = 0; i < slotsByModel.length; i++) {
            slotsByModel[i] = slotsByDatasource[schema.model(i).datasource()];
        }
    }

    /** The datasource of the model at {@code modelIndex}. */
    DatasourceSlot route(int modelIndex) {
        return slotsByModel[modelIndex];
    }
}
