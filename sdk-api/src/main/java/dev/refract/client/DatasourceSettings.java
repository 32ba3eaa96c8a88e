package dev.refract.client;

import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.SchemaMeta;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves a datasource's URL and pool from the client options over the schema: a URL given in
 * code wins over the schema's literal, which is used as written, or its {@code env(...)} variable.
 */
final class DatasourceSettings {

    private DatasourceSettings() {}

    /**
     * Checks that every datasource named in {@code options} exists in {@code schema}.
     *
     * @throws IllegalArgumentException naming the unknown datasource and the known ones
     */
    static void checkNames(SchemaMeta schema, ClientOptions options) {
        Set<String> known = new TreeSet<>();
        schema.datasources().forEach(d -> known.add(d.name()));
        Set<String> given = new TreeSet<>(options.urls().keySet());
        given.addAll(options.poolSizes().keySet());
        given.addAll(options.pools().keySet());
        for (String name : given) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("The client builder names datasource '" + name
                        + "', which the schema does not declare; declared datasources: " + String.join(", ", known));
            }
        }
    }

    /**
     * The URL of {@code datasource}.
     *
     * @throws IllegalStateException when it comes from an environment variable that is not set,
     *         saying how to provide it
     */
    static String url(DatasourceMeta datasource, ClientOptions options) {
        String override = options.urls().get(datasource.name());
        if (override != null) {
            return override;
        }
        if (datasource.url() != null) {
            return datasource.url();
        }
        String fromEnvironment = options.environment().apply(datasource.urlEnvironment());
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw new IllegalStateException("Datasource '" + datasource.name() + "' reads its URL from the environment"
                    + " variable " + datasource.urlEnvironment() + ", which is not set: set it, or give the URL in code"
                    + " with builder().datasource(\"" + datasource.name() + "\", url)");
        }
        return fromEnvironment;
    }

    /**
     * The pool settings of {@code datasource}: the schema's, overridden by the settings given in code
     * for it, and by the pool size given in code if any.
     */
    static PoolMeta pool(DatasourceMeta datasource, ClientOptions options) {
        PoolMeta schema = datasource.pool();
        PoolMeta given = options.pools().get(datasource.name());
        PoolMeta merged = given == null ? schema : new PoolMeta(
                given.size() != null ? given.size() : schema.size(),
                given.minIdle() != null ? given.minIdle() : schema.minIdle(),
                given.acquireTimeout() != null ? given.acquireTimeout() : schema.acquireTimeout(),
                given.maxIdleTime() != null ? given.maxIdleTime() : schema.maxIdleTime());
        Integer size = options.poolSizes().get(datasource.name());
        return size == null ? merged : merged.withSize(size);
    }
}
