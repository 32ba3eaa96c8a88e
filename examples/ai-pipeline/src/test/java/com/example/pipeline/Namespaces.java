package com.example.pipeline;

import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.RefractClientMetadata;
import com.example.pipeline.migrate.MigrationDeployer;
import com.example.pipeline.servers.DatasourceServers;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** The example's datasources on a test class's own PostgreSQL schema, MongoDB database and Redis key prefix. */
public final class Namespaces {

    private Namespaces() {
    }

    /** The URL variables of the example, pointing at the namespaces. */
    public static Map<String, String> environment(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        return Map.of(
                "DATABASE_URL", postgres.r2dbcUrl(),
                "MONGODB_URL", mongo.mongoUrl(),
                "REDIS_URL", redis.redisUrl() + "?prefix=" + redis.prefix());
    }

    /** The servers of the namespaces; nothing is started, so closing them stops nothing. */
    public static DatasourceServers servers(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        return DatasourceServers.choose(RefractClientMetadata.SCHEMA, environment(postgres, mongo, redis)::get);
    }

    /**
     * A client of {@code servers} whose databases have the example's migrations deployed, built with what
     * {@code options} adds to its builder (e.g. adapter providers); the caller closes it.
     */
    public static RefractClient deployedClient(DatasourceServers servers, Consumer<RefractClient.Builder> options) {
        new MigrationDeployer(RefractClientMetadata.SCHEMA, Path.of("migrations")).deploy(servers)
                .blockLast(Duration.ofSeconds(60));
        RefractClient.Builder builder = RefractClient.builder();
        options.accept(builder);
        servers.servers().forEach(server -> builder.datasource(server.datasource().name(), server.url()));
        return builder.build();
    }
}
