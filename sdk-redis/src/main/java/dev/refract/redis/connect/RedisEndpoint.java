package dev.refract.redis.connect;

import dev.refract.error.UrlRedaction;
import io.lettuce.core.RedisURI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a Redis datasource is, read from its URL:
 *
 * <ul>
 *   <li>{@code redis://[user:password@]host[:port][/database][?prefix=app]}, or {@code rediss://} for TLS:
 *       one server;</li>
 *   <li>{@code redis-cluster://[user:password@]host1:port1,host2:port2[?prefix=app]} (or
 *       {@code rediss-cluster://}), or a {@code redis://} URL listing more than one node: a Redis
 *       Cluster, reached through those seed nodes;</li>
 *   <li>{@code prefix} is the first part of every key of the datasource; without it, the
 *       datasource's name.</li>
 *   <li>{@code cacheReadTimeout} and {@code cacheWriteTimeout} ({@code 250ms}, {@code 2s}, or a
 *       number of milliseconds) bound each operation of the datasource as the cache of {@code @@cache}
 *       models: a cached read's look-up, and putting an entry or invalidating. A key-value model's
 *       commands are not bound by them.</li>
 *   <li>Other query parameters are refused, so a typo is not silently ignored.</li>
 * </ul>
 *
 * @param nodes             the server, or the cluster's seed nodes
 * @param cluster           true for a Redis Cluster
 * @param prefix            the key prefix
 * @param redacted          the URL with its password hidden, for messages
 * @param cacheReadTimeout  the longest a cached read waits for the cache ({@link #DEFAULT_CACHE_READ_TIMEOUT} unless given)
 * @param cacheWriteTimeout the longest putting an entry or an invalidation waits for the cache
 *                          ({@link #DEFAULT_CACHE_WRITE_TIMEOUT} unless given)
 */
public record RedisEndpoint(List<RedisURI> nodes, boolean cluster, String prefix, String redacted,
        Duration cacheReadTimeout, Duration cacheWriteTimeout) {

    /**
     * How long a cached read waits for the cache before it reads the primary database: a stalled cache
     * costs a read this much, far less than a read from a database takes when it is slow.
     */
    public static final Duration DEFAULT_CACHE_READ_TIMEOUT = Duration.ofMillis(250);

    /**
     * How long putting an entry or an invalidation waits for the cache: longer than a read, as an
     * invalidation that gives up leaves a stale entry until its ttl ends.
     */
    public static final Duration DEFAULT_CACHE_WRITE_TIMEOUT = Duration.ofSeconds(1);

    private static final List<String> PARAMETERS = List.of("prefix", "cacheReadTimeout", "cacheWriteTimeout");

    public RedisEndpoint {
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(redacted, "redacted");
        Objects.requireNonNull(cacheReadTimeout, "cacheReadTimeout");
        Objects.requireNonNull(cacheWriteTimeout, "cacheWriteTimeout");
    }

    /**
     * Reads {@code url}.
     *
     * @param defaultPrefix the prefix when the URL gives none
     * @param timeout       the connect and command timeout
     * @throws IllegalArgumentException when the URL is not a Redis URL; the message hides its password
     */
    public static RedisEndpoint parse(String url, String defaultPrefix, Duration timeout) {
        String redacted = UrlRedaction.redact(url);
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw invalid(redacted, "it has no scheme");
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        boolean tls;
        boolean cluster;
        switch (scheme) {
            case "redis" -> { tls = false; cluster = false; }
            case "rediss" -> { tls = true; cluster = false; }
            case "redis-cluster" -> { tls = false; cluster = true; }
            case "rediss-cluster" -> { tls = true; cluster = true; }
            default -> throw invalid(redacted, "the scheme is " + scheme + ", not redis, rediss, redis-cluster or"
                    + " rediss-cluster");
        }
        String rest = url.substring(schemeEnd + 3);
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = decode(userInfo.substring(0, colon));
                password = decode(userInfo.substring(colon + 1));
            } else {
                password = decode(userInfo);
            }
            if (user != null && user.isEmpty()) {
                user = null;
            }
        }
        int database = 0;
        if (!path.isEmpty()) {
            try {
                database = Integer.parseInt(path);
            } catch (NumberFormatException e) {
                throw invalid(redacted, "the path '" + path + "' is not a database number");
            }
            if (cluster || rest.contains(",")) {
                if (database != 0) {
                    throw invalid(redacted, "a Redis Cluster has only database 0");
                }
            }
        }
        String prefix = defaultPrefix;
        Duration cacheReadTimeout = DEFAULT_CACHE_READ_TIMEOUT;
        Duration cacheWriteTimeout = DEFAULT_CACHE_WRITE_TIMEOUT;
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
            if (!PARAMETERS.contains(name)) {
                throw invalid(redacted, "it has the parameter '" + name + "'; the parameters are "
                        + String.join(", ", PARAMETERS));
            }
            if (value.isEmpty()) {
                throw invalid(redacted, "its " + name + " is empty");
            }
            switch (name) {
                case "prefix" -> prefix = value;
                case "cacheReadTimeout" -> cacheReadTimeout = duration(redacted, name, value);
                default -> cacheWriteTimeout = duration(redacted, name, value);
            }
        }
        List<RedisURI> nodes = new ArrayList<>();
        for (String hostPort : rest.split(",")) {
            if (hostPort.isBlank()) {
                throw invalid(redacted, "it names no host");
            }
            String host = hostPort;
            int port = RedisURI.DEFAULT_REDIS_PORT;
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0 && !hostPort.endsWith("]")) {
                host = hostPort.substring(0, colon);
                try {
                    port = Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw invalid(redacted, "the port of '" + host + "' is not a number");
                }
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            RedisURI.Builder node = RedisURI.builder().withHost(host).withPort(port).withSsl(tls)
                    .withDatabase(database).withTimeout(timeout);
            if (password != null) {
                if (user != null) {
                    node.withAuthentication(user, password.toCharArray());
                } else {
                    node.withPassword(password.toCharArray());
                }
            }
            nodes.add(node.build());
        }
        return new RedisEndpoint(nodes, cluster || nodes.size() > 1, prefix, redacted, cacheReadTimeout,
                cacheWriteTimeout);
    }

    /** A positive time written {@code 250ms}, {@code 2s} or {@code 250} (milliseconds). */
    private static Duration duration(String redacted, String name, String value) {
        String digits = value.endsWith("ms") ? value.substring(0, value.length() - 2)
                : value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
        long amount;
        try {
            amount = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            amount = -1;
        }
        if (amount <= 0) {
            throw invalid(redacted, "its " + name + " is '" + value + "', not a positive time such as 250ms or 2s");
        }
        return value.endsWith("s") && !value.endsWith("ms") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String redacted, String why) {
        return new IllegalArgumentException("The Redis URL " + redacted + " cannot be used: " + why + ". Write"
                + " redis://[user:password@]host:port[/database][?prefix=app], rediss:// for TLS, or"
                + " redis-cluster://host1:port1,host2:port2[?prefix=app] for a Redis Cluster");
    }

    @Override
    public String toString() {
        return "RedisEndpoint[" + redacted + ", prefix " + prefix + "]";
    }
}
