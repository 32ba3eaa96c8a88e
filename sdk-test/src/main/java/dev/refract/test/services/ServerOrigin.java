package dev.refract.test.services;

/** Where the server behind a {@link ServerEndpoint} came from. */
public enum ServerOrigin {
    /** Named by the kind's URL variable, e.g. {@code REFRACT_TEST_POSTGRES_URL}. */
    URL("url"),
    /** A server already running on this machine, on its standard loopback port. */
    LOCAL("local"),
    /** Started by the test suite itself from Maven Central artifacts, stopped when the JVM exits. */
    EMBEDDED("embedded");

    private final String label;

    ServerOrigin(String label) {
        this.label = label;
    }

    /** The lower-case name printed in messages. */
    public String label() {
        return label;
    }
}
