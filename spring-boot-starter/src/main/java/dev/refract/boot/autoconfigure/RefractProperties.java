package dev.refract.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code refract.*} properties: which generated client to build, and per datasource of its
 * schema the URL and pool settings that override the schema's.
 *
 * @param client      the generated client class, e.g. com.example.db.RefractClient: the generator block's
 *                    package and the client's name
 * @param datasources per datasource of the schema, by its name, the settings that override the schema's
 * @param health      the health indicators of the datasources
 * @param metrics     the metrics of the client and its pools
 */
@ConfigurationProperties("refract")
public record RefractProperties(String client, Map<String, Datasource> datasources, @DefaultValue Health health,
        @DefaultValue Metrics metrics) {

    public RefractProperties {
        datasources = datasources == null ? Map.of() : Map.copyOf(datasources);
    }

    /**
     * One datasource's overrides; each unset one keeps what the schema says.
     *
     * @param url  the connection URL, e.g. r2dbc:postgresql://user:password@host:5432/app; overrides the
     *             schema's literal or env(...)
     * @param pool the connection pool's settings
     */
    public record Datasource(String url, @DefaultValue Pool pool) {
    }

    /**
     * A datasource's connection pool; each unset setting keeps the schema's, else the adapter's default.
     *
     * @param size           the most connections open at once
     * @param minIdle        connections kept open while idle
     * @param acquireTimeout how long a call waits for a free connection before it fails
     * @param maxIdleTime    how long an unused connection stays open
     */
    public record Pool(Integer size, Integer minIdle, Duration acquireTimeout, Duration maxIdleTime) {
    }

    /**
     * The health indicators, one per datasource.
     *
     * @param timeout how long a datasource may take to answer its health check before it counts as down
     */
    public record Health(@DefaultValue("5s") Duration timeout) {
    }

    /**
     * The metrics of the client.
     *
     * @param enabled whether operations are timed and pools measured when a Micrometer registry is present
     */
    public record Metrics(@DefaultValue("true") boolean enabled) {
    }
}
