/** The stored form of a model's records: key layout, codecs, unique indexes and direct look-ups. */
package dev.refract.redis.record;
