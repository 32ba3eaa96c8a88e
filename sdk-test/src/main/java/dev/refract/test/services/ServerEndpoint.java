package dev.refract.test.services;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A database server the tests can reach: its kind, where it came from, its address and
 * credentials, and the URL forms the SDK and the test setup connect with.
 *
 * <p>{@code database} is the database the setup connects to (for Redis the database index, for
 * MongoDB the default database); {@code parameters} is a query string carried over from a
 * configured URL (for example {@code sslmode=require} or {@code replicaSet=rs0}), empty when
 * there is none. {@link #toString()} never shows the password.
 *
 * @param kind       the kind of server
 * @param origin     how the server was found
 * @param host       host name or address, e.g. {@code 127.0.0.1}
 * @param port       TCP port
 * @param user       user name, empty when the server needs none
 * @param password   password, empty when the server needs none
 * @param database   the database (or Redis database index) the setup connects to
 * @param parameters extra URL parameters without the leading {@code ?}, empty when none
 */
public record ServerEndpoint(
        ServerKind kind,
        ServerOrigin origin,
        String host,
        int port,
        String user,
        String password,
        String database,
        String parameters) {

    /** Checks that every component is present and the port is a TCP port. */
    public ServerEndpoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(parameters, "parameters");
        if (host.isBlank()) {
            throw new IllegalArgumentException("a " + kind.label() + " endpoint needs a host name");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(
                    "a " + kind.label() + " endpoint needs a TCP port between 1 and 65535, not " + port);
        }
    }

    /**
     * Reads the URL a user configured for {@code kind} (schemes with or without a {@code jdbc:} or
     * {@code r2dbc:} prefix are accepted).
     *
     * @throws IllegalArgumentException naming the variable and an example when the URL cannot be used
     */
    public static ServerEndpoint fromUrl(ServerKind kind, String url) {
        return EndpointUrlParser.parse(kind, url);
    }

    /** The same server, with {@code database} as the database the URLs point at. */
    public ServerEndpoint withDatabase(String otherDatabase) {
        return new ServerEndpoint(kind, origin, host, port, user, password, otherDatabase, parameters);
    }

    /** The same server, with one more URL parameter ({@code name=value}, the value URL-encoded). */
    public ServerEndpoint withParameter(String name, String value) {
        String added = encode(name) + "=" + encode(value);
        return new ServerEndpoint(kind, origin, host, port, user, password, database,
                parameters.isEmpty() ? added : parameters + "&" + added);
    }

    /** {@code host:port}. */
    public String address() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /**
     * The R2DBC URL, e.g. {@code r2dbc:postgresql://postgres@127.0.0.1:5432/test}.
     *
     * @throws IllegalStateException for Redis and MongoDB, which the SDK does not reach through R2DBC
     */
    public String r2dbcUrl() {
        return switch (kind) {
            case POSTGRESQL -> "r2dbc:postgresql://" + userInfo() + address() + "/" + database + query(parameters);
            case MYSQL -> "r2dbc:mysql://" + userInfo() + address() + "/" + database + query(parameters);
            case REDIS, MONGODB -> throw notApplicable("R2DBC URL", kind == ServerKind.REDIS ? "redisUrl()" : "mongoUrl()");
        };
    }

    /**
     * The JDBC URL with the credentials as parameters, usable with {@code DriverManager.getConnection(url)}:
     * {@code jdbc:postgresql://…} for PostgreSQL, {@code jdbc:mariadb://…} for MySQL and MariaDB
     * (the MariaDB driver speaks to both and is the one on this module's class path; on the
     * loopback interface the URL turns TLS off unless the configured URL says otherwise).
     *
     * @throws IllegalStateException for Redis and MongoDB
     */
    public String jdbcUrl() {
        String credentials = "user=" + encode(user) + (password.isEmpty() ? "" : "&password=" + encode(password));
        String all = parameters.isEmpty() ? credentials : credentials + "&" + parameters;
        if (kind == ServerKind.MYSQL && isLoopback() && !parameters.contains("sslMode=")) {
            // MariaDB 11.4+ offers TLS with a self-signed certificate, over which the MariaDB driver
            // refuses password authentication; on the loopback interface TLS protects nothing
            all += "&sslMode=disable";
        }
        return switch (kind) {
            case POSTGRESQL -> "jdbc:postgresql://" + address() + "/" + database + "?" + all;
            case MYSQL -> "jdbc:mariadb://" + address() + "/" + database + "?" + all;
            case REDIS, MONGODB -> throw notApplicable("JDBC URL", kind == ServerKind.REDIS ? "redisUrl()" : "mongoUrl()");
        };
    }

    /**
     * The Redis URL, e.g. {@code redis://127.0.0.1:6379/0}.
     *
     * @throws IllegalStateException for every kind but Redis
     */
    public String redisUrl() {
        if (kind != ServerKind.REDIS) {
            throw notApplicable("Redis URL", kind == ServerKind.MONGODB ? "mongoUrl()" : "r2dbcUrl() or jdbcUrl()");
        }
        return "redis://" + userInfo() + address() + "/" + database + query(parameters);
    }

    /**
     * The MongoDB connection string, e.g. {@code mongodb://127.0.0.1:27017/test}.
     *
     * @throws IllegalStateException for every kind but MongoDB
     */
    public String mongoUrl() {
        if (kind != ServerKind.MONGODB) {
            throw notApplicable("MongoDB URL", kind == ServerKind.REDIS ? "redisUrl()" : "r2dbcUrl() or jdbcUrl()");
        }
        return "mongodb://" + userInfo() + address() + "/" + database + query(parameters);
    }

    /** One line for people, e.g. {@code local 127.0.0.1:5432 (database test)}; never the password. */
    public String describe() {
        return origin.label() + " " + address() + " (database " + database + ")";
    }

    @Override
    public String toString() {
        String who = user.isEmpty() ? "" : user + (password.isEmpty() ? "" : ":****") + "@";
        return "ServerEndpoint[" + kind.label() + " " + origin.label() + " " + who + address() + "/" + database + "]";
    }

    private boolean isLoopback() {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private String userInfo() {
        if (user.isEmpty() && password.isEmpty()) {
            return "";
        }
        return encode(user) + (password.isEmpty() ? "" : ":" + encode(password)) + "@";
    }

    private IllegalStateException notApplicable(String what, String instead) {
        return new IllegalStateException(
                "a " + kind.label() + " endpoint has no " + what + "; use " + instead);
    }

    private static String query(String parameters) {
        return parameters.isEmpty() ? "" : "?" + parameters;
    }

    static String encode(String text) {
        // form encoding writes a space as '+', which URL user info and query values read as a literal '+'
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
