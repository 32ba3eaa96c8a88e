package dev.refract.benchmarks.compare.mysql;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.benchmarks.compare.Versions;
import dev.refract.benchmarks.compare.mysql.db.RefractClient;
import dev.refract.benchmarks.compare.mysql.db.RefractClientMetadata;
import dev.refract.benchmarks.compare.r2dbc.SqlLineup;
import dev.refract.benchmarks.compare.r2dbc.SqlSyntax;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.MysqlNamespace;
import io.asyncer.r2dbc.mysql.MySqlConnectionFactory;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactories;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.SpringVersion;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import reactor.core.publisher.Flux;

/**
 * MySQL or MariaDB: Refract's client generated from {@code compare-mysql.prisma}, r2dbc-mysql by
 * hand, and Spring Data R2DBC's template and repositories on r2dbc-mysql, all on the same tables of
 * one database of their own, on the server the test services find.
 *
 * <p>The tables are created by Refract's {@code db push}, and seeded in the server with one
 * {@code INSERT … SELECT} each over a table of numbers made of cross-joined digits (MySQL has no
 * {@code generate_series}), computing the same values as {@link dev.refract.benchmarks.compare.Dataset}.
 *
 * <p>While the lineup runs, the server flushes its redo log once a second instead of at every commit
 * ({@code innodb_flush_log_at_trx_commit = 2}): the counterpart of PostgreSQL's
 * {@code synchronous_commit=off}, without which every write would time the disk; and its buffer pool
 * holds the tables. Both are global settings, put back on close.
 */
public final class MysqlLineup {

    /** The lineup's key. */
    public static final String KEY = "mysql";

    private static final Duration SETUP_LIMIT = Duration.ofMinutes(5);
    /**
     * The server's global settings while the lineup runs: the redo log flushed once a second, and a
     * buffer pool that holds the tables (the default 128 MB is less than the ten-column table at a
     * million rows, and the look-ups would time the disk). Each is put back on close.
     */
    private static final Map<String, Long> SERVER_SETTINGS = Map.of("innodb_flush_log_at_trx_commit", 2L,
            "innodb_buffer_pool_size", 1024L * 1024 * 1024);
    private static final SqlLineup.Checks CHECKS = new SqlLineup.Checks("truncate table `Entry`",
            // total = index * 1000003, so every row's index can be read back from it
            "select count(*), count(distinct `id`), coalesce(sum(`name` = concat('sample-', `total` div 1000003)"
                    + " and `email` = concat('user', `total` div 1000003, '@example.com')"
                    + " and `quantity` = (`total` div 1000003) % 1000 and `counter` = 0), 0) from `Entry`",
            "select coalesce(sum(`counter`), 0) from `Sample`");

    private MysqlLineup() {
    }

    /**
     * Creates the tables in {@code namespace}, seeds them for {@code settings} and opens the
     * contenders it names; the namespace is dropped on {@link SqlLineup#close()} when {@code ownsNamespace}.
     */
    public static SqlLineup start(Settings settings, MysqlNamespace namespace, boolean ownsNamespace, PrintStream log) {
        Connection admin = null;
        Map<String, Long> before = new LinkedHashMap<>();
        // a run stopped before it closes the lineup must not leave the server's settings changed
        Thread undo = new Thread(() -> {
            try (Connection connection = namespace.connect()) {
                restore(connection, before);
            } catch (SQLException e) {
                System.err.println("mysql: could not put the server's settings back (" + before + "): " + e.getMessage());
            }
        }, "compare-mysql-settings");
        Runtime.getRuntime().addShutdownHook(undo);
        try {
            admin = namespace.connect();
            for (Map.Entry<String, Long> setting : SERVER_SETTINGS.entrySet()) {
                long current = global(admin, setting.getKey());
                if (current != setting.getValue()) {
                    before.put(setting.getKey(), current);
                    setGlobal(admin, setting.getKey(), setting.getValue());
                }
            }
            DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(namespace.r2dbcUrl())).block(SETUP_LIMIT);
            long started = System.nanoTime();
            seed(admin, settings);
            log.printf("mysql: seeded %,d samples and %,d parents with %d children each in %.1f s%n",
                    settings.streamRows(), settings.parents(), settings.childrenPerParent(),
                    (System.nanoTime() - started) / 1e9);
            String version;
            try (Statement statement = admin.createStatement();
                    ResultSet result = statement.executeQuery("select version()")) {
                result.next();
                version = result.getString(1);
            }
            List<Contender> contenders = new ArrayList<>();
            for (String key : SqlLineup.CONTENDERS) {
                if (settings.includes(key)) {
                    contenders.add(contender(key, namespace.r2dbcUrl(), settings));
                }
            }
            return new SqlLineup(KEY, server(version) + ", " + namespace.endpoint().describe(), namespace.r2dbcUrl(),
                    versions(), contenders, admin, CHECKS, () -> {
                        Runtime.getRuntime().removeShutdownHook(undo);
                        try (Connection connection = namespace.connect()) {
                            restore(connection, before);
                        } finally {
                            if (ownsNamespace) {
                                namespace.close();
                            }
                        }
                    });
        } catch (SQLException | RuntimeException e) {
            if (admin != null) {
                try {
                    restore(admin, before);
                } catch (SQLException ignored) {
                    // the setup failed already; that error is the one to report
                }
            }
            Runtime.getRuntime().removeShutdownHook(undo);
            SqlLineup.closeQuietly(admin);
            if (ownsNamespace) {
                namespace.close();
            }
            throw new IllegalStateException("Could not set up the MySQL data of the comparison: " + e.getMessage(), e);
        }
    }

    /**
     * The contender {@code key} ({@code refract}, {@code raw}, {@code spring-template} or
     * {@code spring-repository}) on the data at {@code url}.
     */
    public static Contender contender(String key, String url, Settings settings) {
        return SqlLineup.contender(key, url, settings, SqlSyntax.MYSQL, RefractContender::new);
    }

    /** e.g. {@code MariaDB 10.11.19} for {@code 10.11.19-MariaDB-0+deb12u1}, {@code MySQL 8.4.3} for {@code 8.4.3}. */
    static String server(String version) {
        String number = version.split("-")[0];
        return (version.contains("MariaDB") ? "MariaDB " : "MySQL ") + number;
    }

    private static Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("Refract", Versions.of(RefractClient.class, "dev.refract", "refract-sdk-api"));
        versions.put("r2dbc-mysql", Versions.of(MySqlConnectionFactory.class, "io.asyncer", "r2dbc-mysql"));
        versions.put("r2dbc-pool", Versions.of(ConnectionPool.class, "io.r2dbc", "r2dbc-pool"));
        versions.put("Reactor Core", Versions.of(Flux.class, "io.projectreactor", "reactor-core"));
        versions.put("Spring Data R2DBC", Versions.of(R2dbcEntityTemplate.class, "org.springframework.data",
                "spring-data-r2dbc"));
        versions.put("Spring Framework", String.valueOf(SpringVersion.getVersion()));
        return versions;
    }

    private static long global(Connection admin, String variable) throws SQLException {
        try (Statement statement = admin.createStatement();
                ResultSet result = statement.executeQuery("select @@global." + variable)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void setGlobal(Connection admin, String variable, long value) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement("set global " + variable + " = ?")) {
            statement.setLong(1, value);
            statement.execute();
        }
    }

    private static void restore(Connection admin, Map<String, Long> settings) throws SQLException {
        for (Map.Entry<String, Long> setting : settings.entrySet()) {
            setGlobal(admin, setting.getKey(), setting.getValue());
        }
    }

    /** The seeded values, computed as {@link dev.refract.benchmarks.compare.Dataset} computes them. */
    private static void seed(Connection admin, Settings settings) throws SQLException {
        int parents = settings.parents();
        int perParent = settings.childrenPerParent();
        try (PreparedStatement samples = admin.prepareStatement("insert into `Sample` (`id`, `name`, `email`,"
                + " `category`, `quantity`, `counter`, `price`, `total`, `active`, `createdAt`)"
                + " select g, concat('sample-', g), concat('user', g, '@example.com'),"
                + " case when g % 10 = 0 then null else concat('category-', g % 7) end, g % 1000, 0,"
                + " (g % 10000) / 100e0, g * 1000003, g % 2 = 0,"
                + " timestamp '2026-01-01 00:00:00' + interval g second"
                + " from " + numbers(settings.streamRows(), "g"));
                PreparedStatement parentRows = admin.prepareStatement("insert into `Parent` (`id`, `name`)"
                        + " select p, concat('parent-', p) from " + numbers(parents, "p"));
                PreparedStatement children = admin.prepareStatement("insert into `Child` (`id`, `parentId`,"
                        + " `position`, `label`) select (p - 1) * " + perParent + " + c, p, c - 1,"
                        + " concat('child-', p, '-', c - 1) from " + numbers(parents, "p") + " cross join "
                        + numbers(perParent, "c"));
                Statement statement = admin.createStatement()) {
            samples.executeUpdate();
            parentRows.executeUpdate();
            children.executeUpdate();
            // the planner should know the tables' sizes before the first read
            statement.execute("analyze table `Sample`, `Parent`, `Child`");
        }
    }

    /**
     * A derived table of the numbers 1 to {@code count} in a column {@code name}, in ascending order:
     * one ten-row table of digits per decimal place, the most significant joined first ({@code STRAIGHT_JOIN}),
     * so that the rows come out in the order of the primary key they are inserted into.
     */
    static String numbers(int count, String name) {
        int places = Integer.toString(Math.max(1, count - 1)).length();
        String digits = "(select 0 d union all select 1 union all select 2 union all select 3 union all select 4"
                + " union all select 5 union all select 6 union all select 7 union all select 8 union all select 9)";
        StringBuilder value = new StringBuilder();
        StringBuilder from = new StringBuilder();
        long weight = 1;
        for (int place = 0; place < places; place++) {
            value.insert(0, "d" + place + ".d * " + weight + " + ");
            from.insert(0, (place == places - 1 ? "" : " straight_join ") + digits + " d" + place);
            weight *= 10;
        }
        return "(select " + name + " from (select " + value + "1 as " + name + " from " + from + ") as places_" + name
                + " where " + name + " <= " + count + ") as numbers_" + name;
    }
}
