package dev.refract.benchmarks.compare.cache;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Lineup;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.benchmarks.compare.Versions;
import dev.refract.benchmarks.compare.Workload;
import dev.refract.benchmarks.compare.cachedb.RefractClient;
import dev.refract.benchmarks.compare.cachedb.RefractClientMetadata;
import dev.refract.benchmarks.compare.postgres.PostgresLineup;
import dev.refract.cache.CacheStatistics;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import com.fasterxml.jackson.core.JsonFactory;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactories;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Flux;

/**
 * The read-through cache: the ten-column record looked up by id through the model's {@code @@cache}
 * in Redis, as a warm hit, beside the same look-up from PostgreSQL ({@code noCache()}) and a hand-written
 * Lettuce {@code GET} of the record serialized as JSON. The table lives in a PostgreSQL schema of its own,
 * the cache entries and the hand-written contender's keys under a Redis key prefix of its own; both are
 * dropped when the lineup closes.
 *
 * <p>Before the run, every record of the table is read once through the cache, and the hand-written
 * contender stores its JSON of every record, so every measured look-up is a hit. After each slice the
 * lineup checks that Refract's cache counted no miss and no error since then: otherwise the figures
 * would not be those of warm hits, and the slice fails.
 */
final class CacheLineup implements Lineup {

    /** The lineup's key. */
    static final String KEY = "cache";

    /** The contenders, in the order each round runs them. */
    static final List<String> CONTENDERS = List.of("refract", "refract-primary", "raw");

    private static final Duration SETUP_LIMIT = Duration.ofMinutes(5);
    /** How many entries of each kind the note's sizes are averaged over. */
    private static final int SIZE_SAMPLE = 100;

    private final String server;
    private final String address;
    private final String note;
    private final List<Contender> contenders;
    /** Refract's cached contender, whose misses are checked; {@code null} when it does not run. */
    private final RefractContender cached;
    private final CacheStatistics warmed;
    private final PostgresNamespace postgres;
    private final RedisNamespace redis;

    private CacheLineup(String server, String address, String note, List<Contender> contenders,
            RefractContender cached, CacheStatistics warmed, PostgresNamespace postgres, RedisNamespace redis) {
        this.server = server;
        this.address = address;
        this.note = note;
        this.contenders = List.copyOf(contenders);
        this.cached = cached;
        this.warmed = warmed;
        this.postgres = postgres;
        this.redis = redis;
    }

    /**
     * Creates the table in a PostgreSQL schema of its own, seeds {@link Settings#streamRows()} records,
     * opens the contenders {@code settings} names and caches every record for each of them.
     */
    static CacheLineup start(Settings settings, PrintStream log) {
        PostgresNamespace postgres = PostgresNamespace.create("compare_cache");
        RedisNamespace redis = null;
        List<Contender> contenders = new ArrayList<>();
        try {
            redis = RedisNamespace.create("compare_cache");
            DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl()))
                    .block(SETUP_LIMIT);
            int rows = settings.streamRows();
            String postgresVersion;
            try (Connection admin = postgres.connect(); Statement statement = admin.createStatement()) {
                PostgresLineup.seedSamples(admin, rows);
                try (ResultSet result = statement.executeQuery("show server_version")) {
                    result.next();
                    postgresVersion = result.getString(1).split(" ")[0];
                }
            }
            String address = String.join("|", PostgresLineup.url(postgres), redis.redisUrl(), redis.prefix());
            RefractContender cached = null;
            long started = System.nanoTime();
            for (String key : CONTENDERS) {
                if (!settings.includes(key)) {
                    continue;
                }
                Contender contender = contender(key, address, settings);
                contenders.add(contender);
                if (contender instanceof RefractContender refract && key.equals("refract")) {
                    refract.warm(rows, settings.inFlight()).block(SETUP_LIMIT);
                    cached = refract;
                } else if (contender instanceof RawContender raw) {
                    raw.fill(rows).block(SETUP_LIMIT);
                }
            }
            log.printf(Locale.ROOT, "cache: seeded %,d samples and cached them in %.1f s%n", rows,
                    (System.nanoTime() - started) / 1e9);
            CacheStatistics warmed = cached == null ? null : cached.statistics();
            if (warmed != null && (warmed.misses() != rows || warmed.errors() != 0)) {
                throw new IllegalStateException("Caching the " + rows + " records took " + warmed.misses()
                        + " misses and " + warmed.errors() + " errors; expected one miss a record and no error");
            }
            String redisVersion;
            String note;
            try (Admin admin = new Admin(redis.redisUrl())) {
                redisVersion = admin.version();
                note = note(rows, admin.averageEntryBytes(redis.prefix() + "refract:{cache}:e:*"));
            }
            String server = "Redis " + redisVersion + ", " + redis.endpoint().describe() + " (the cache), and PostgreSQL "
                    + postgresVersion + ", " + postgres.endpoint().describe();
            return new CacheLineup(server, address, note, contenders, cached, warmed, postgres, redis);
        } catch (SQLException | RuntimeException e) {
            contenders.forEach(contender -> contender.close().block(Duration.ofSeconds(10)));
            postgres.close();
            if (redis != null) {
                redis.close();
            }
            throw new IllegalStateException("Could not set up the cache lineup's data: " + e.getMessage(), e);
        }
    }

    /**
     * The contender {@code key} of {@link #CONTENDERS} on the data at {@code address}, as
     * {@link #address()} gives it.
     *
     * @throws IllegalArgumentException naming the contenders there are
     */
    static Contender contender(String key, String address, Settings settings) {
        String[] parts = address.split("\\|", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("A cache lineup's address is 'r2dbcUrl|redisUrl|keyPrefix', not " + address);
        }
        String cacheUrl = parts[1] + "?prefix=" + parts[2] + "refract";
        return switch (key) {
            case "refract" -> RefractContender.cached(parts[0], cacheUrl, settings.poolSize());
            case "refract-primary" -> RefractContender.primary(parts[0], cacheUrl, settings.poolSize());
            case "raw" -> new RawContender(parts[1], parts[2] + "raw:Sample:");
            default -> throw new IllegalArgumentException("Unknown cache contender '" + key + "'; the contenders are "
                    + String.join(", ", CONTENDERS));
        };
    }

    private static String note(int rows, double refractEntryBytes) {
        double json = 0;
        for (int id = 1; id <= SIZE_SAMPLE; id++) {
            json += SampleJson.seeded(id).getBytes(StandardCharsets.UTF_8).length;
        }
        json /= SIZE_SAMPLE;
        return String.format(Locale.ROOT, "Every look-up is a warm hit: the look-ups are spread over %,d records, each"
                + " read once through the cache (and stored by the hand-written contender) before the run, and every"
                + " slice is checked to have missed the cache nowhere. Refract's cache entry is a Redis hash of the"
                + " record's fields, read with HGETALL (%.0f bytes of field names and values on average, its freshness"
                + " included); the hand-written contender GETs a JSON string of %.0f bytes and parses it with Jackson's"
                + " streaming parser. Refract with noCache() reads the same record from PostgreSQL, past the cache.",
                rows, refractEntryBytes, json);
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String server() {
        return server;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("Refract", Versions.of(RefractClient.class, "dev.refract", "refract-sdk-api"));
        versions.put("Lettuce", Versions.of(RedisClient.class, "io.lettuce", "lettuce-core"));
        versions.put("Jackson", Versions.of(JsonFactory.class, "com.fasterxml.jackson.core", "jackson-core"));
        versions.put("r2dbc-postgresql", Versions.of(PostgresqlConnectionFactory.class, "org.postgresql",
                "r2dbc-postgresql"));
        versions.put("Reactor Core", Versions.of(Flux.class, "io.projectreactor", "reactor-core"));
        return versions;
    }

    @Override
    public List<Contender> contenders() {
        return contenders;
    }

    @Override
    public void prepare(Workload workload) {
        // the look-ups change nothing
    }

    @Override
    public String verify(Workload workload, long units) {
        if (cached == null) {
            return null;
        }
        CacheStatistics now = cached.statistics();
        long misses = now.misses() - warmed.misses();
        long errors = now.errors() - warmed.errors();
        return misses == 0 && errors == 0 ? null : "Refract's cache missed " + misses + " look-ups and failed " + errors
                + " times since it was filled: these are not the figures of warm hits";
    }

    @Override
    public void close() {
        try {
            for (Contender contender : contenders) {
                contender.close().block(Duration.ofSeconds(30));
            }
        } finally {
            postgres.close();
            redis.close();
        }
    }

    /** A blocking connection for setting up and describing the lineup, never used while it is timed. */
    private static final class Admin implements AutoCloseable {

        private final RedisClient client;
        private final StatefulRedisConnection<String, String> connection;
        private final RedisCommands<String, String> commands;

        Admin(String url) {
            this.client = RedisClient.create(url);
            this.connection = client.connect();
            this.commands = connection.sync();
        }

        /** The server's version, from {@code INFO server}. */
        String version() {
            for (String line : commands.info("server").split("\r?\n")) {
                if (line.startsWith("redis_version:")) {
                    return line.substring("redis_version:".length()).strip();
                }
            }
            return "(version unknown)";
        }

        /** The bytes of field names and values of the hashes matching {@code pattern}, on average over a few. */
        double averageEntryBytes(String pattern) {
            KeyScanCursor<String> page = commands.scan(ScanArgs.Builder.matches(pattern).limit(1_000));
            List<String> keys = new ArrayList<>(page.getKeys());
            while (keys.size() < SIZE_SAMPLE && !page.isFinished()) {
                page = commands.scan(page, ScanArgs.Builder.matches(pattern).limit(1_000));
                keys.addAll(page.getKeys());
            }
            long bytes = 0;
            int entries = Math.min(SIZE_SAMPLE, keys.size());
            for (String key : keys.subList(0, entries)) {
                for (Map.Entry<String, String> field : commands.hgetall(key).entrySet()) {
                    bytes += field.getKey().getBytes(StandardCharsets.UTF_8).length
                            + field.getValue().getBytes(StandardCharsets.UTF_8).length;
                }
            }
            return entries == 0 ? Double.NaN : (double) bytes / entries;
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
