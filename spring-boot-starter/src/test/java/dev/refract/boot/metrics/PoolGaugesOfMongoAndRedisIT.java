package dev.refract.boot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.boot.polyglotclient.Note;
import dev.refract.boot.polyglotclient.RefractClient;
import dev.refract.boot.support.StarterApplication;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pool gauges of a MongoDB and a Redis datasource in a Spring Boot application: published for
 * both, empty until the first use, then showing the driver's pool and Redis's shared connection.
 */
@RefractTestDatabases
class PoolGaugesOfMongoAndRedisIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MongoNamespace mongo;
    private final RedisNamespace redis;
    private ConfigurableApplicationContext context;
    private RefractClient db;
    private MeterRegistry registry;

    PoolGaugesOfMongoAndRedisIT(MongoNamespace mongo, RedisNamespace redis) {
        this.mongo = mongo;
        this.redis = redis;
    }

    @BeforeEach
    void start() {
        String prefix = redis.prefix();
        context = StarterApplication.start(
                "refract.client=" + RefractClient.class.getName(),
                "refract.datasources.docs.url=" + mongo.mongoUrl(),
                "refract.datasources.kv.url=" + redis.redisUrl() + "?prefix=" + prefix.substring(0, prefix.length() - 1));
        db = context.getBean(RefractClient.class);
        registry = context.getBean(MeterRegistry.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private double gauge(String name, String datasource) {
        return registry.get(name).tag("datasource", datasource).gauge().value();
    }

    @Test
    void theGaugesOfAMongoAndARedisDatasourceExistAndFollowTheirConnections() {
        for (String datasource : new String[] {"docs", "kv"}) {
            for (String gauge : new String[] {"refract.pool.acquired", "refract.pool.idle", "refract.pool.pending",
                    "refract.pool.max"}) {
                assertThat(gauge(gauge, datasource)).as("%s of %s before the first use", gauge, datasource).isNaN();
            }
        }

        Note note = db.note().create(c -> c.text("hello")).block(WAIT);
        db.token().create(c -> c.owner("ann")).block(WAIT);
        assertThat(db.note().findUnique(q -> q.where(w -> w.id(note.id()))).block(WAIT)).isEqualTo(note);

        assertThat(gauge("refract.pool.max", "docs")).as("the schema's poolSize").isEqualTo(4.0);
        assertThat(gauge("refract.pool.idle", "docs")).isBetween(1.0, 4.0);
        assertThat(gauge("refract.pool.acquired", "docs")).isZero();
        assertThat(gauge("refract.pool.pending", "docs")).isZero();
        assertThat(gauge("refract.pool.max", "kv")).as("one shared connection").isEqualTo(1.0);
        assertThat(gauge("refract.pool.idle", "kv")).isEqualTo(1.0);
        assertThat(gauge("refract.pool.acquired", "kv")).isZero();
        assertThat(gauge("refract.pool.pending", "kv")).isZero();
    }
}
