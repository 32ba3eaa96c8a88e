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
 *       datasource's name. Other query parameters are refused, so a typo is not silently ignored.</li>
 * </ul>
 *
 * @param nodes    the server, or the cluster's seed nodes
 * @param cluster  true for a Redis Cluster
 * @param prefix   the key prefix
 * @param redacted the URL with its password hidden, for messages
 */
public record RedisEndpoint(List<RedisURI> nodes, boolean cluster, String prefix, String redacted) {

    public RedisEndpoint {
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(redacted, "redacted");
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
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
            if (!name.equals("prefix")) {
                throw invalid(redacted, "it has the parameter '" + name + "'; the only parameter is prefix");
            }
            if (value.isEmpty()) {
                throw invalid(redacted, "its prefix is empty");
            }
            prefix = value;
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
        return new RedisEndpoint(nodes, cluster || nodes.size() > 1, prefix, redacted);
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
