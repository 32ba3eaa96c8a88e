package com.example.pipeline.servers;

import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.test.services.EmbeddedServer;
import dev.refract.test.services.EmbeddedServers;
import dev.refract.test.services.ServerEndpoint;
import dev.refract.test.services.ServerKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The servers of every datasource of a schema: for each one, the URL its environment variable holds
 * (e.g. {@code DATABASE_URL}), or else an embedded server of its provider, started here (PostgreSQL and
 * Redis from binaries on Maven Central, MongoDB in this JVM, the same servers the test suite falls back
 * to). {@link #close()} stops the embedded ones.
 *
 * <p>Starting is blocking work done once, before any client exists; it is never on a call path.
 */
public final class DatasourceServers implements AutoCloseable {

    private final List<DatasourceServer> servers;
    private final List<EmbeddedServer> started;

    private DatasourceServers(List<DatasourceServer> servers, List<EmbeddedServer> started) {
        this.servers = Collections.unmodifiableList(servers);
        this.started = started;
    }

    /**
     * Chooses the server of each datasource of {@code schema}, reading URL variables through
     * {@code environment} and starting an embedded server for each one that is not set.
     *
     * @throws IllegalStateException naming the datasource when its embedded server cannot start (the servers
     *         started before it are stopped again)
     * @throws IllegalArgumentException when a datasource's provider has no embedded server
     */
    public static DatasourceServers choose(SchemaMeta schema, Function<String, String> environment) {
        List<DatasourceServer> servers = new ArrayList<>();
        List<EmbeddedServer> started = new ArrayList<>();
        try {
            for (DatasourceMeta datasource : schema.datasources()) {
                String configured = datasource.url() != null ? datasource.url()
                        : environment.apply(datasource.urlEnvironment());
                if (configured != null && !configured.isBlank()) {
                    servers.add(new DatasourceServer(datasource, configured.trim(), false));
                    continue;
                }
                EmbeddedServer server = start(datasource);
                started.add(server);
                servers.add(new DatasourceServer(datasource, url(server.endpoint()), true));
            }
        } catch (RuntimeException e) {
            started.forEach(EmbeddedServer::stop);
            throw e;
        }
        return new DatasourceServers(servers, started);
    }

    /** The server of each datasource, in the schema's order. */
    public List<DatasourceServer> servers() {
        return servers;
    }

    /** The URL of {@code datasource}, as the client is to connect. */
    public String url(String datasource) {
        return server(datasource).url();
    }

    /**
     * The server of the datasource named {@code datasource}.
     *
     * @throws IllegalArgumentException when the schema has no such datasource
     */
    public DatasourceServer server(String datasource) {
        for (DatasourceServer server : servers) {
            if (server.datasource().name().equals(datasource)) {
                return server;
            }
        }
        throw new IllegalArgumentException("the schema has no datasource '" + datasource + "'");
    }

    /** Stops the servers started here; the others are left as they were. */
    @Override
    public void close() {
        started.forEach(EmbeddedServer::stop);
    }

    private static EmbeddedServer start(DatasourceMeta datasource) {
        ServerKind kind = switch (datasource.provider()) {
            case POSTGRESQL -> ServerKind.POSTGRESQL;
            case MYSQL -> throw new IllegalArgumentException("datasource '" + datasource.name() + "' is MySQL, for"
                    + " which this example starts no server: set " + datasource.urlEnvironment() + " to its URL");
            case MONGODB -> ServerKind.MONGODB;
            case REDIS -> ServerKind.REDIS;
        };
        try {
            return EmbeddedServers.start(kind);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("datasource '" + datasource.name() + "': " + e.getMessage()
                    + ". Set " + datasource.urlEnvironment() + " to the URL of a running server instead.", e);
        }
    }

    private static String url(ServerEndpoint endpoint) {
        return switch (endpoint.kind()) {
            case POSTGRESQL, MYSQL -> endpoint.r2dbcUrl();
            case MONGODB -> endpoint.mongoUrl();
            case REDIS -> endpoint.redisUrl();
        };
    }
}
