package dev.refract.codegen.definition;

/** {@code @@cache(datasource, ttl: seconds)}: unique look-ups of the model read through a Redis datasource. */
public record CacheDefinition(String datasource, int datasourceIndex, long ttlSeconds) {}
