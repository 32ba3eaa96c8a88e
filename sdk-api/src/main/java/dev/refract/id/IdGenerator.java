package dev.refract.id;

/**
 * Produces fresh ids, one string per call.
 *
 * <p>Implementations are thread-safe: one instance serves every caller of a client at once.
 */
@FunctionalInterface
public interface IdGenerator {

    /** A new id, distinct from every id this generator produced before. */
    String next();
}
