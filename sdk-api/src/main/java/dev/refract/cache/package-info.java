/**
 * The read-through cache of models declaring {@code @@cache}: the store contract a cache datasource's
 * artifact implements ({@link dev.refract.cache.CacheStore}, found through
 * {@link dev.refract.cache.CacheStoreProvider}), the per-call strategy
 * ({@link dev.refract.query.CachePolicy}) and the counters a client reports
 * ({@link dev.refract.cache.CacheStatistics}).
 */
package dev.refract.cache;
