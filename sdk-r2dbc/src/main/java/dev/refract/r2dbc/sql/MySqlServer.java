package dev.refract.r2dbc.sql;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MySQL-family server a {@link MySqlDialect} writes for: MySQL or MariaDB, and which version,
 * as {@code SELECT VERSION()} reports it. The two differ where Refract notices: MariaDB 10.5 and
 * later return rows from {@code INSERT} and {@code DELETE} ({@code RETURNING}, never from
 * {@code UPDATE}) while MySQL returns none, and MariaDB stores {@code JSON} as {@code LONGTEXT}
 * checked by {@code JSON_VALID}, where MySQL has a binary JSON type.
 *
 * @param flavor which server
 * @param major  the major version, e.g. 8 or 10
 * @param minor  the minor version
 * @param patch  the patch version
 */
public record MySqlServer(Flavor flavor, int major, int minor, int patch) {

    /** The servers speaking MySQL's protocol and SQL. */
    public enum Flavor { MYSQL, MARIADB }

    /** The oldest MySQL served: window functions and {@code CAST(… AS DOUBLE)} came with 8.0. */
    public static final MySqlServer OLDEST_MYSQL = new MySqlServer(Flavor.MYSQL, 8, 0, 17);

    /** The oldest MariaDB served: window functions and the JSON functions are there from 10.3 on. */
    public static final MySqlServer OLDEST_MARIADB = new MySqlServer(Flavor.MARIADB, 10, 3, 0);

    /** {@code 8.0.36}, {@code 10.11.6-MariaDB-log}, or a replication prefix {@code 5.5.5-10.11.6-MariaDB}. */
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final String MARIADB_REPLICATION_PREFIX = "5.5.5-";

    public MySqlServer {
        Objects.requireNonNull(flavor, "flavor");
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("a version has no negative parts: " + major + "." + minor + "." + patch);
        }
    }

    /** A MySQL server of version {@code major.minor.patch}. */
    public static MySqlServer mysql(int major, int minor, int patch) {
        return new MySqlServer(Flavor.MYSQL, major, minor, patch);
    }

    /** A MariaDB server of version {@code major.minor.patch}. */
    public static MySqlServer mariaDb(int major, int minor, int patch) {
        return new MySqlServer(Flavor.MARIADB, major, minor, patch);
    }

    /**
     * The server that reports {@code version} from {@code SELECT VERSION()} (or the handshake): MariaDB
     * when it says so, MySQL otherwise.
     *
     * @throws IllegalArgumentException when {@code version} holds no version number
     */
    public static MySqlServer parse(String version) {
        Objects.requireNonNull(version, "version");
        boolean mariaDb = version.toLowerCase(java.util.Locale.ROOT).contains("mariadb");
        String digits = mariaDb && version.startsWith(MARIADB_REPLICATION_PREFIX)
                ? version.substring(MARIADB_REPLICATION_PREFIX.length()) : version;
        Matcher matcher = VERSION.matcher(digits);
        if (!matcher.lookingAt()) {
            throw new IllegalArgumentException("\"" + version + "\" is not a MySQL or MariaDB server version;"
                    + " expected what SELECT VERSION() answers, e.g. 8.0.36 or 10.11.6-MariaDB");
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return new MySqlServer(mariaDb ? Flavor.MARIADB : Flavor.MYSQL, Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)), patch);
    }

    /** True for MariaDB. */
    public boolean isMariaDb() {
        return flavor == Flavor.MARIADB;
    }

    /** True when this server's version is {@code major.minor.patch} or later. */
    public boolean atLeast(int major, int minor, int patch) {
        if (this.major != major) {
            return this.major > major;
        }
        if (this.minor != minor) {
            return this.minor > minor;
        }
        return this.patch >= patch;
    }

    /** True when {@code INSERT … RETURNING} and {@code DELETE … RETURNING} work: MariaDB 10.5 and later. */
    public boolean returnsFromInsertAndDelete() {
        return isMariaDb() && atLeast(10, 5, 0);
    }

    /** True when {@code JSON} columns hold text (MariaDB's {@code LONGTEXT} with a {@code JSON_VALID} check). */
    public boolean storesJsonAsText() {
        return isMariaDb();
    }

    /**
     * Checks that Refract's SQL runs on this server.
     *
     * @throws IllegalArgumentException naming the oldest version served, when this one is older
     */
    public MySqlServer requireSupported() {
        MySqlServer oldest = isMariaDb() ? OLDEST_MARIADB : OLDEST_MYSQL;
        if (!atLeast(oldest.major, oldest.minor, oldest.patch)) {
            throw new IllegalArgumentException(this + " is older than Refract serves: it needs " + oldest
                    + " or later (window functions, JSON functions, CAST to DOUBLE); upgrade the server");
        }
        return this;
    }

    @Override
    public String toString() {
        return (isMariaDb() ? "MariaDB " : "MySQL ") + major + "." + minor + "." + patch;
    }
}
