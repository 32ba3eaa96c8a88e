package dev.refract.test.isolation;

import dev.refract.test.services.ServerEndpoint;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every {@link TestNamespace} keeps: the server it lives on, its name, and a drop that runs
 * on the first {@link #close()} only.
 */
abstract sealed class AbstractTestNamespace
        permits PostgresNamespace, MysqlNamespace, RedisNamespace, MongoNamespace {

    private final ServerEndpoint endpoint;
    private final String name;
    private final AtomicBoolean dropped = new AtomicBoolean();

    AbstractTestNamespace(ServerEndpoint endpoint, String name) {
        this.endpoint = endpoint;
        this.name = name;
    }

    /** See {@link TestNamespace#name()}. */
    public final String name() {
        return name;
    }

    /** See {@link TestNamespace#endpoint()}. */
    public final ServerEndpoint endpoint() {
        return endpoint;
    }

    /** See {@link TestNamespace#close()}: closing twice does nothing. */
    public final void close() {
        if (dropped.compareAndSet(false, true)) {
            drop();
        }
    }

    /**
     * Drops the namespace with everything in it; called by the first {@link #close()}.
     *
     * @throws IllegalStateException naming the namespace when the server refuses
     */
    abstract void drop();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + " on " + endpoint.describe() + "]";
    }
}
