package dev.refract.test.services;

/**
 * The kinds of database server the test suite needs, each with the environment variable that
 * points the suite at an existing server and the port a local server listens on by default.
 */
public enum ServerKind {
    /** PostgreSQL, reached through R2DBC by the SDK and through JDBC for test setup. */
    POSTGRESQL("postgresql", "REFRACT_TEST_POSTGRES_URL", 5432),
    /** MySQL or MariaDB, reached through R2DBC by the SDK and through JDBC for test setup. */
    MYSQL("mysql", "REFRACT_TEST_MYSQL_URL", 3306),
    /** Redis, reached through Lettuce. */
    REDIS("redis", "REFRACT_TEST_REDIS_URL", 6379),
    /** MongoDB, reached through the Reactive Streams driver. */
    MONGODB("mongodb", "MONGODB_URL", 27017);

    private final String label;
    private final String urlVariable;
    private final int standardPort;

    ServerKind(String label, String urlVariable, int standardPort) {
        this.label = label;
        this.urlVariable = urlVariable;
        this.standardPort = standardPort;
    }

    /** The lower-case name printed in messages, e.g. {@code postgresql}. */
    public String label() {
        return label;
    }

    /** The environment variable (or system property) whose URL, when set, wins over every other choice. */
    public String urlVariable() {
        return urlVariable;
    }

    /** The port a server of this kind listens on when nothing else is configured. */
    public int standardPort() {
        return standardPort;
    }
}
