package dev.refract.codegen.definition;

import dev.refract.meta.Provider;

/**
 * A {@code datasource} block.
 *
 * @param index position among the datasources; the router finds a model's adapter by it
 * @param url   where the URL comes from
 * @param pool  pool settings written in the schema; unset ones are {@code null}
 */
public record DatasourceDefinition(String name, int index, Provider provider, UrlDefinition url,
        PoolDefinition pool, String doc) {}
