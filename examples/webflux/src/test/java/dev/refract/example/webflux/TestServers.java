package dev.refract.example.webflux;

import dev.refract.example.webflux.db.RefractClientMetadata;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The servers of one test class: a PostgreSQL schema of its own holding the example's tables, made by
 * Refract's {@code db push} from the generated metadata, and a Redis key prefix of its own for the
 * cache. {@link #register} points the application's {@code refract.datasources.*} at them;
 * {@link #close()} drops both.
 */
public final class TestServers implements AutoCloseable {

    private final PostgresNamespace postgres;
    private final RedisNamespace redis;

    private TestServers(PostgresNamespace postgres, RedisNamespace redis) {
        this.postgres = postgres;
        this.redis = redis;
    }

    /** Creates the namespaces, named after {@code label}, and the tables of the {@code db} datasource. */
    public static TestServers start(String label) {
        PostgresNamespace postgres = PostgresNamespace.create(label);
        DbPush.push(RefractClientMetadata.SCHEMA, RefractClientMetadata.DB_DATASOURCE.index(),
                ConnectionFactories.get(postgres.r2dbcUrl())).block(Duration.ofMinutes(1));
        return new TestServers(postgres, RedisNamespace.create(label));
    }

    /** Sets the URLs of the application's datasources to these servers. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("refract.datasources.db.url", postgres::r2dbcUrl);
        registry.add("refract.datasources.cache.url", () -> redis.redisUrl() + "?prefix=" + redis.prefix() + "app");
    }

    /** The PostgreSQL schema, for setting up rows the test needs in bulk. */
    public PostgresNamespace postgres() {
        return postgres;
    }

    /** The Redis prefix, under which the application's cache writes. */
    public RedisNamespace redis() {
        return redis;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } finally {
            redis.close();
        }
    }
}
