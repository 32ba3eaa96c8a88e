package dev.refract.conformance;

/**
 * Something a particular test server cannot do although the adapter under test does it on the real
 * database, such as an in-process stand-in for MongoDB. A module's {@code ConformanceServer} declares
 * the limits of its server in {@link ConformanceStore#limits()}; a test that needs what a limit
 * forbids calls {@link ConformanceContext#skipOnServerWith(ServerLimit)} and is skipped on that server
 * only, with a message naming the server and the limit. An adapter's own gaps are not limits: they
 * are declared in its capabilities ({@link Ability}).
 */
public enum ServerLimit {

    /**
     * The server cannot compute a field's new value from its stored value in one atomic write beyond
     * adding and multiplying, as {@code divide} does (MongoDB does it with an update pipeline).
     */
    NO_COMPUTED_UPDATES("computes no update from a field's stored value beyond adding and multiplying, which divide"
            + " needs");

    private final String description;

    ServerLimit(String description) {
        this.description = description;
    }

    /** What the server cannot do, phrased to follow the server's name. */
    public String description() {
        return description;
    }
}
