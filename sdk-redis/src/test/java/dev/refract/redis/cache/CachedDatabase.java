package dev.refract.redis.cache;

import com.example.cached.db.RefractClient;
import dev.refract.meta.Provider;
import dev.refract.query.Operation;
import dev.refract.r2dbc.R2dbcAdapterProvider;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.ForwardingAdapter;
import dev.refract.spi.Result;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * The cache test schema on a test's own PostgreSQL schema and Redis prefix, with the look-ups that
 * reach PostgreSQL counted: a client of it reads through the real Redis cache to the real database.
 */
final class CachedDatabase {

    private CachedDatabase() {
    }

    /** Creates the tables of the test schema in {@code postgres}, or empties them when they are there. */
    static void createTables(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists \"Account\" (\"id\" serial primary key, \"email\" text not null unique,"
                    + " \"name\" text not null, \"visits\" integer not null default 0)");
            statement.execute("create table if not exists \"Note\" (\"id\" serial primary key, \"text\" text not null,"
                    + " \"accountId\" integer not null references \"Account\"(\"id\") on delete cascade)");
            statement.execute("truncate \"Account\", \"Note\"");
        }
    }

    /** Runs {@code sql} on {@code postgres} behind the client's back, as another application would. */
    static void runBehindTheClient(PostgresNamespace postgres, String sql) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * The cache datasource's URL: the server of {@code redis}, and a prefix of one test, {@code test},
     * under the namespace's prefix. Its cache operations may take seconds, so that what the tests count
     * does not depend on how busy the machine is; the bounds of a stalled cache have tests of their own.
     */
    static String cacheUrl(RedisNamespace redis, String test) {
        return redis.redisUrl() + "?prefix=" + redis.prefix() + test + "&cacheReadTimeout=5s&cacheWriteTimeout=5s";
    }

    /** A client whose cache is {@code cacheUrl}, counting its look-ups in {@code lookUps}; the caller closes it. */
    static RefractClient open(PostgresNamespace postgres, String cacheUrl, AtomicInteger lookUps) {
        return RefractClient.builder()
                .datasource("db", postgres.r2dbcUrl())
                .datasource("cache", cacheUrl)
                .adapterProvider(new CountingProvider(lookUps))
                .build();
    }

    /** The PostgreSQL adapter, counting the {@code findUnique} statements that reach it. */
    private static final class CountingProvider implements AdapterProvider {

        private final R2dbcAdapterProvider delegate = new R2dbcAdapterProvider();
        private final AtomicInteger lookUps;

        CountingProvider(AtomicInteger lookUps) {
            this.lookUps = lookUps;
        }

        @Override
        public boolean supports(Provider provider) {
            return provider == Provider.POSTGRESQL;
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return new CountingAdapter(delegate.create(config), lookUps);
        }
    }

    /** The adapter, counting the look-ups by a unique key that reach the database. */
    private static final class CountingAdapter extends ForwardingAdapter {

        private final AtomicInteger lookUps;

        CountingAdapter(Adapter delegate, AtomicInteger lookUps) {
            super(delegate);
            this.lookUps = lookUps;
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return Mono.defer(() -> {
                if (operation instanceof Operation.FindUnique) {
                    lookUps.incrementAndGet();
                }
                return delegate().execute(operation);
            });
        }
    }
}
