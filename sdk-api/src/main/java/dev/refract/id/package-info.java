/**
 * Generators of the ids a schema's {@code @default(cuid())}, {@code cuid(2)}, {@code uuid()},
 * {@code uuid(7)}, {@code ulid()} and {@code nanoid()} ask for. Each generator owns its random
 * source and any ordering state; a client creates one set of them and keeps it for its lifetime.
 */
package dev.refract.id;
