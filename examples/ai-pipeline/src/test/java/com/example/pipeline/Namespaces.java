package com.example.pipeline;

import com.example.pipeline.db.RefractClientMetadata;
import com.example.pipeline.servers.DatasourceServers;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import java.util.Map;

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
}
