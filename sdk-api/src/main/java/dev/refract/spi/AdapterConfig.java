package dev.refract.spi;

import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.SchemaMeta;
import java.util.Objects;

/**
 * What an adapter is started with.
 *
 * @param schema     the whole schema, so the adapter can read the models it serves
 * @param datasource the datasource it serves
 * @param url        the resolved URL (code override, schema literal or environment variable)
 * @param pool       the resolved pool settings (code overrides over the schema's)
 */
public record AdapterConfig(SchemaMeta schema, DatasourceMeta datasource, String url, PoolMeta pool) {

    public AdapterConfig {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(datasource, "datasource");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(pool, "pool");
    }
}
