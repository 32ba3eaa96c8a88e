/**
 * The Redis adapter: key-value models stored as hashes on Lettuce's reactive API, written
 * atomically with their unique index keys by Lua scripts.
 */
package dev.refract.redis;
