package dev.refract.codegen.definition;

import java.time.Duration;

/**
 * Pool settings of a datasource as written in the schema; each is {@code null} when not written.
 * In the schema, durations are a number of seconds or a string with a unit ({@code "500ms"},
 * {@code "30s"}, {@code "5m"}).
 */
public record PoolDefinition(Integer size, Integer minIdle, Duration acquireTimeout, Duration maxIdleTime) {

    /** No setting written. */
    public static final PoolDefinition DEFAULTS = new PoolDefinition(null, null, null, null);
}
