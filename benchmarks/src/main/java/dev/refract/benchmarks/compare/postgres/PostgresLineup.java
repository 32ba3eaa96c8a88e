package dev.refract.benchmarks.compare.postgres;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.benchmarks.compare.Versions;
import dev.refract.benchmarks.compare.db.RefractClient;
import dev.refract.benchmarks.compare.db.RefractClientMetadata;
import dev.refract.benchmarks.compare.r2dbc.SqlLineup;
import dev.refract.benchmarks.compare.r2dbc.SqlSyntax;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
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
 * PostgreSQL: Refract's client, r2dbc-postgresql by hand, and Spring Data R2DBC's template and
 * repositories, all on the same tables of one schema of their own, on the server the test services
 * find (a local one when it answers, an embedded one otherwise).
 *
 * <p>The tables are created by Refract's {@code db push} from {@code compare.prisma}, and seeded in
 * the server with one {@code INSERT … SELECT} over {@code generate_series} each, computing the same
 * values as {@link dev.refract.benchmarks.compare.Dataset}.
 */
public final class PostgresLineup {

    /** The lineup's key. */
    public static final String KEY = "postgresql";

    private static final Duration SETUP_LIMIT = Duration.ofMinutes(5);
    private static final SqlLineup.Checks CHECKS = new SqlLineup.Checks("truncate \"Entry\" restart identity",
            // total = index * 1000003, so every row's index can be read back from it
            "select count(*), count(distinct \"id\"), count(*) filter (where \"name\" = 'sample-' || (\"total\" / 1000003)"
                    + " and \"email\" = 'user' || (\"total\" / 1000003) || '@example.com' and \"quantity\""
                    + " = (\"total\" / 1000003) % 1000 and \"counter\" = 0) from \"Entry\"",
            "select coalesce(sum(\"counter\"), 0) from \"Sample\"");

    /** Seeds the ten-column table over {@code generate_series}, with the values of {@code Dataset}. */
    private static final String SEED_SAMPLES = "insert into \"Sample\" (\"id\", \"name\", \"email\","
            + " \"category\", \"quantity\", \"counter\", \"price\", \"total\", \"active\", \"createdAt\")"
            + " select g, 'sample-' || g, 'user' || g || '@example.com',"
            + " case when g % 10 = 0 then null else 'category-' || (g % 7) end, g % 1000, 0,"
            + " (g % 10000)::float8 / 100, g::bigint * 1000003, g % 2 = 0,"
            + " timestamp '2026-01-01 00:00:00' + g * interval '1 second'"
            + " from generate_series(1, ?) as g";

    private PostgresLineup() {
    }

    /**
     * Creates the tables in {@code namespace}, seeds them for {@code settings} and opens the
     * contenders it names; the namespace is dropped on {@link SqlLineup#close()} when {@code ownsNamespace}.
     */
    public static SqlLineup start(Settings settings, PostgresNamespace namespace, boolean ownsNamespace,
            PrintStream log) {
        Connection admin = null;
        try {
            DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(namespace.r2dbcUrl())).block(SETUP_LIMIT);
            admin = namespace.connect();
            long started = System.nanoTime();
            seed(admin, settings);
            log.printf("postgresql: seeded %,d samples and %,d parents with %d children each in %.1f s%n",
                    settings.streamRows(), settings.parents(), settings.childrenPerParent(),
                    (System.nanoTime() - started) / 1e9);
            String version;
            try (Statement statement = admin.createStatement();
                    ResultSet result = statement.executeQuery("show server_version")) {
                result.next();
                version = result.getString(1);
            }
            List<Contender> contenders = new ArrayList<>();
            for (String key : SqlLineup.CONTENDERS) {
                if (settings.includes(key)) {
                    contenders.add(contender(key, url(namespace), settings));
                }
            }
            return new SqlLineup(KEY, "PostgreSQL " + version.split(" ")[0] + ", " + namespace.endpoint().describe(),
                    url(namespace), versions(), contenders, admin, CHECKS, () -> {
                        if (ownsNamespace) {
                            namespace.close();
                        }
                    });
        } catch (SQLException | RuntimeException e) {
            SqlLineup.closeQuietly(admin);
            if (ownsNamespace) {
                namespace.close();
            }
            throw new IllegalStateException("Could not set up the PostgreSQL data of the comparison: " + e.getMessage(), e);
        }
    }

    /**
     * The contender {@code key} ({@code refract}, {@code raw}, {@code spring-template} or
     * {@code spring-repository}) on the data at {@code url}.
     */
    public static Contender contender(String key, String url, Settings settings) {
        return SqlLineup.contender(key, url, settings, SqlSyntax.POSTGRESQL, RefractContender::new);
    }

    /**
     * The URL every contender connects with: the namespace's schema first on the search path, and
     * commits that do not wait for the disk. A flush of the write-ahead log takes milliseconds on a
     * virtual machine's disk, and every contender's writes would time the disk instead of the client.
     */
    public static String url(PostgresNamespace namespace) {
        return namespace.endpoint().withParameter("schema", namespace.schema())
                .withParameter("options", "synchronous_commit=off").r2dbcUrl();
    }

    private static Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("Refract", Versions.of(RefractClient.class, "dev.refract", "refract-sdk-api"));
        versions.put("r2dbc-postgresql", Versions.of(PostgresqlConnectionFactory.class, "org.postgresql",
                "r2dbc-postgresql"));
        versions.put("r2dbc-pool", Versions.of(ConnectionPool.class, "io.r2dbc", "r2dbc-pool"));
        versions.put("Reactor Core", Versions.of(Flux.class, "io.projectreactor", "reactor-core"));
        versions.put("Spring Data R2DBC", Versions.of(R2dbcEntityTemplate.class, "org.springframework.data",
                "spring-data-r2dbc"));
        versions.put("Spring Framework", String.valueOf(SpringVersion.getVersion()));
        return versions;
    }

    /**
     * Seeds {@code rows} records of the ten-column table {@code "Sample"} with the values
     * {@link dev.refract.benchmarks.compare.Dataset} computes, in the server; for the lineups whose
     * schemas hold that table.
     */
    public static void seedSamples(Connection admin, int rows) throws SQLException {
        try (PreparedStatement samples = admin.prepareStatement(SEED_SAMPLES);
                Statement statement = admin.createStatement()) {
            samples.setInt(1, rows);
            samples.executeUpdate();
            statement.execute("vacuum analyze \"Sample\"");
        }
    }

    /** The seeded values, computed as {@link dev.refract.benchmarks.compare.Dataset} computes them. */
    private static void seed(Connection admin, Settings settings) throws SQLException {
        try (PreparedStatement samples = admin.prepareStatement(SEED_SAMPLES);
                PreparedStatement parents = admin.prepareStatement("insert into \"Parent\" (\"id\", \"name\")"
                        + " select p, 'parent-' || p from generate_series(1, ?) as p");
                PreparedStatement children = admin.prepareStatement("insert into \"Child\" (\"id\", \"parentId\","
                        + " \"position\", \"label\") select (p - 1) * ? + c + 1, p, c, 'child-' || p || '-' || c"
                        + " from generate_series(1, ?) as p, generate_series(0, ? - 1) as c");
                Statement statement = admin.createStatement()) {
            samples.setInt(1, settings.streamRows());
            samples.executeUpdate();
            parents.setInt(1, settings.parents());
            parents.executeUpdate();
            children.setInt(1, settings.childrenPerParent());
            children.setInt(2, settings.parents());
            children.setInt(3, settings.childrenPerParent());
            children.executeUpdate();
            // the streams should find the rows' visibility settled and the planner its statistics
            statement.execute("vacuum analyze \"Sample\", \"Parent\", \"Child\"");
        }
    }
}
