/** The key layout of records, unique indexes and counters in Redis, and the escaping of key parts. */
package dev.refract.redis.key;
