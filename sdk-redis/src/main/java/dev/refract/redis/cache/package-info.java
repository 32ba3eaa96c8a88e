/**
 * The Redis store of the read-through cache of {@code @@cache} models: entries as hashes in the stored
 * form of the key-value adapter, and tags as sets of entry keys.
 */
package dev.refract.redis.cache;
