package dev.refract.docs.support;

import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.RefractClientMetadata;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;

/**
 * The guide's pipeline schema on a test class's own namespaces: its PostgreSQL tables pushed into the
 * class's schema, its MongoDB collections in the class's database, its Redis keys (sessions and the
 * cache of runs) under the class's prefix.
 */
public final class PipelineDatabases {

    private static final Duration SETUP = Duration.ofMinutes(1);

    private PipelineDatabases() {
    }

    /** Creates the tables of the {@code db} datasource in {@code postgres}. */
    public static void createTables(PostgresNamespace postgres) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl())).block(SETUP);
    }

    /** The URL of the {@code cache} datasource: the namespace's server, under its prefix. */
    public static String redisUrl(RedisNamespace redis) {
        return redis.redisUrl() + "?prefix=" + redis.prefix();
    }

    /** A client of all three datasources on the namespaces; the caller closes it. */
    public static RefractClient open(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        return RefractClient.builder()
                .datasource("db", postgres.r2dbcUrl())
                .datasource("docs", mongo.mongoUrl())
                .datasource("cache", redisUrl(redis))
                .build();
    }
}
