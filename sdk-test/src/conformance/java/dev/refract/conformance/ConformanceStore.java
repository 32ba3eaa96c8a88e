package dev.refract.conformance;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.spi.Capabilities;
import java.util.Set;

/**
 * The store a test class of the conformance kit runs against: a namespace of its own (a schema, a
 * database) on the server under test, made for the class and dropped after it. The kit knows
 * nothing else of the server; each module that runs the kit has a class
 * {@code dev.refract.conformance.ConformanceServer} with a static {@code create(String label)} that
 * extends this one and says how to reach its server.
 */
public abstract class ConformanceStore implements AutoCloseable {

    /** The provider the kit's schemas name for this server, and whose adapter is under test. */
    public abstract Provider provider();

    /** The URL of the namespace, for the datasource of a generated client. */
    public abstract String url();

    /**
     * Makes the namespace ready to hold the models of {@code schema}'s first datasource, e.g. creates
     * their tables; a store that needs nothing made does nothing.
     */
    public abstract void prepare(SchemaMeta schema);

    /**
     * What this particular server lets the adapter do of what it declares: all of it unless the
     * server itself lacks something (a standalone MongoDB has no transactions), which the module
     * then says here.
     */
    public Capabilities narrow(Capabilities declared) {
        return declared;
    }

    /**
     * What this particular server cannot do although the adapter does it on the real database (an
     * in-process stand-in, say), each skipping only the tests that need it ({@link ServerLimit}); none
     * unless the module says.
     */
    public Set<ServerLimit> limits() {
        return Set.of();
    }

    /** The server under test, as a skip message names it, e.g. "the in-process MongoDB server". */
    public String server() {
        return "the " + provider().schemaName() + " server";
    }

    /** Drops the namespace with everything in it. */
    @Override
    public abstract void close();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + provider().schemaName() + "]";
    }
}
