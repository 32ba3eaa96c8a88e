package dev.refract.benchmarks.compare;

/**
 * A contender as the report names it.
 *
 * @param key  {@link Contender#key()}
 * @param name {@link Contender#name()}
 * @param role {@link Contender#role()}
 */
public record Entrant(String key, String name, Role role) {

    /** The entrant of {@code contender}. */
    public static Entrant of(Contender contender) {
        return new Entrant(contender.key(), contender.name(), contender.role());
    }
}
