package dev.refract.test.services;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a configured server URL into a {@link ServerEndpoint} of origin {@link ServerOrigin#URL}. */
final class EndpointUrlParser {

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(//[^:/@]*:)[^@/]*@");

    private EndpointUrlParser() {
    }

    static ServerEndpoint parse(ServerKind kind, String url) {
        if (url == null || url.isBlank()) {
            throw invalid(kind, String.valueOf(url), "it is empty");
        }
        String trimmed = url.trim();
        String withoutPrefix = stripDriverPrefix(trimmed);
        int colon = withoutPrefix.indexOf("://");
        if (colon < 0) {
            throw invalid(kind, trimmed, "it has no scheme");
        }
        String scheme = withoutPrefix.substring(0, colon).toLowerCase(Locale.ROOT);
        if (kind == ServerKind.MONGODB && scheme.equals("mongodb+srv")) {
            throw invalid(kind, trimmed, "DNS seed lists (mongodb+srv) are not supported; name one member with mongodb://");
        }
        if (!schemes(kind).contains(scheme)) {
            throw invalid(kind, trimmed, "the scheme '" + scheme + "' is not one of " + schemes(kind));
        }
        URI uri;
        try {
            uri = new URI(withoutPrefix);
        } catch (URISyntaxException e) {
            throw invalid(kind, trimmed, e.getReason());
        }
        if (uri.getHost() == null) {
            throw invalid(kind, trimmed, uri.getRawAuthority() != null && uri.getRawAuthority().contains(",")
                    ? "it names several hosts; name one (for a replica set add replicaSet=NAME)"
                    : "it names no host");
        }
        int port = uri.getPort() < 0 ? kind.standardPort() : uri.getPort();

        String user = "";
        String password = "";
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int split = userInfo.indexOf(':');
            user = decode(split < 0 ? userInfo : userInfo.substring(0, split));
            password = split < 0 ? "" : decode(userInfo.substring(split + 1));
        }
        // JDBC URLs often carry the credentials as parameters instead
        List<String> kept = new ArrayList<>();
        String rawQuery = uri.getRawQuery();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                String value = pair.contains("=") ? decode(pair.substring(pair.indexOf('=') + 1)) : "";
                if (name.equals("user") && user.isEmpty()) {
                    user = value;
                } else if (name.equals("password") && password.isEmpty()) {
                    password = value;
                } else if (!pair.isEmpty()) {
                    kept.add(pair);
                }
            }
        }
        if (user.isEmpty()) {
            user = defaultUser(kind);
        }

        String path = uri.getRawPath() == null ? "" : decode(uri.getRawPath());
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty()) {
            database = defaultDatabase(kind);
        }
        if (kind == ServerKind.REDIS && !database.matches("\\d+")) {
            throw invalid(kind, trimmed, "the path '/" + database + "' is not a database number such as /0");
        }
        return new ServerEndpoint(kind, ServerOrigin.URL, uri.getHost(), port, user, password, database,
                String.join("&", kept));
    }

    /** The URL with its password replaced by {@code ****}, fit for an error message. */
    static String withoutPassword(String url) {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1****@")
                .replaceAll("(?i)(password=)[^&]*", "$1****");
    }

    private static String stripDriverPrefix(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            return url.substring("jdbc:".length());
        }
        if (lower.startsWith("r2dbc:")) {
            return url.substring("r2dbc:".length());
        }
        return url;
    }

    private static Set<String> schemes(ServerKind kind) {
        return switch (kind) {
            case POSTGRESQL -> Set.of("postgresql", "postgres");
            case MYSQL -> Set.of("mysql", "mariadb");
            case REDIS -> Set.of("redis");
            case MONGODB -> Set.of("mongodb");
        };
    }

    private static String defaultUser(ServerKind kind) {
        return switch (kind) {
            case POSTGRESQL -> "postgres";
            case MYSQL -> "root";
            case REDIS, MONGODB -> "";
        };
    }

    private static String defaultDatabase(ServerKind kind) {
        return switch (kind) {
            case POSTGRESQL -> "postgres";
            case MYSQL -> "mysql";
            case REDIS -> "0";
            case MONGODB -> "test";
        };
    }

    private static String example(ServerKind kind) {
        return switch (kind) {
            case POSTGRESQL -> "postgresql://postgres@127.0.0.1:5432/test";
            case MYSQL -> "mysql://root@127.0.0.1:3306/test";
            case REDIS -> "redis://127.0.0.1:6379/0";
            case MONGODB -> "mongodb://127.0.0.1:27017/test";
        };
    }

    private static String decode(String text) {
        // '+' is a literal plus in URL user info and paths, not a space
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(ServerKind kind, String url, String why) {
        return new IllegalArgumentException(kind.urlVariable() + "=" + withoutPassword(url)
                + " cannot be used as a " + kind.label() + " URL: " + why
                + ". Set it to a URL such as " + example(kind) + ", or unset it to use a local or embedded server.");
    }
}
