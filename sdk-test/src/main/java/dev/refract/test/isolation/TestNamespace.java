package dev.refract.test.isolation;

import dev.refract.test.services.ServerEndpoint;

/**
 * A part of a shared server that belongs to one test class alone: a PostgreSQL schema, a MySQL
 * database, a Redis key prefix or a MongoDB database. {@link #close()} drops it with everything
 * in it; closing twice does nothing.
 */
public sealed interface TestNamespace extends AutoCloseable
        permits PostgresNamespace, MysqlNamespace, RedisNamespace, MongoNamespace {

    /** The namespace's name: schema, database or key prefix. */
    String name();

    /** The server the namespace lives on. */
    ServerEndpoint endpoint();

    /**
     * Drops the namespace and everything in it.
     *
     * @throws IllegalStateException naming the namespace when the server refuses
     */
    @Override
    void close();
}
