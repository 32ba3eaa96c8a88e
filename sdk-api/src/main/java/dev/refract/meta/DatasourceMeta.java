package dev.refract.meta;

import java.util.Objects;

/**
 * A datasource as declared in the schema.
 *
 * @param name           the datasource's name, e.g. {@code db}
 * @param index          its position in {@link SchemaMeta#datasources()}
 * @param provider       the kind of database
 * @param url            the URL written in the schema, or {@code null} when it comes from the environment
 * @param urlEnvironment the environment variable holding the URL, or {@code null} when it is written
 * @param pool           pool settings written in the schema
 * @param readOnly       true when the schema marks the datasource {@code readOnly = true}: the client
 *                       refuses every write to it, and migrations leave it alone
 */
public record DatasourceMeta(String name, int index, Provider provider, String url, String urlEnvironment,
        PoolMeta pool, boolean readOnly) {

    public DatasourceMeta {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(pool, "pool");
        if ((url == null) == (urlEnvironment == null)) {
            throw new IllegalArgumentException("datasource " + name + ": exactly one of url and urlEnvironment must be set");
        }
    }

    /** A datasource whose URL is read from the environment variable {@code variable}. */
    public static DatasourceMeta fromEnvironment(String name, int index, Provider provider, String variable,
            PoolMeta pool) {
        return new DatasourceMeta(name, index, provider, null, variable, pool, false);
    }

    /** A datasource whose URL is written in the schema. */
    public static DatasourceMeta withUrl(String name, int index, Provider provider, String url, PoolMeta pool) {
        return new DatasourceMeta(name, index, provider, url, null, pool, false);
    }

    /** This datasource marked read-only. */
    public DatasourceMeta asReadOnly() {
        return new DatasourceMeta(name, index, provider, url, urlEnvironment, pool, true);
    }
}
