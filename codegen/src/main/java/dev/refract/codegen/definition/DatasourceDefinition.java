package dev.refract.codegen.definition;

import dev.refract.meta.Provider;

/**
 * A {@code datasource} block.
 *
 * @param index position among the datasources; the router finds a model's adapter by it
 * @param url   where the URL comes from
 * @param pool  pool settings written in the schema; unset ones are {@code null}
 * @param readOnly {@code readOnly = true}: the client refuses writes and migrations skip the datasource
 */
public record DatasourceDefinition(String name, int index, Provider provider, UrlDefinition url,
        PoolDefinition pool, boolean readOnly, String doc) {

    /** A datasource the client may write to. */
    public DatasourceDefinition(String name, int index, Provider provider, UrlDefinition url, PoolDefinition pool,
            String doc) {
        this(name, index, provider, url, pool, false, doc);
    }
}
