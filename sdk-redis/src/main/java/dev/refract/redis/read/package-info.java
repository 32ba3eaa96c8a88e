/**
 * Reads on the client: records found by a direct look-up or a {@code SCAN}, then ordered, paged,
 * made distinct, aggregated and grouped in memory.
 */
package dev.refract.redis.read;
