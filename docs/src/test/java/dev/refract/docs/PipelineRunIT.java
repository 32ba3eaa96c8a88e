package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.RefractClientMetadata;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.Test;

// tag::testClass[]
@RefractTestDatabases
class PipelineRunIT {

    @Test
    void findsWhatItCreated(PostgresNamespace postgres, RedisNamespace cache) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl())).block();
        try (RefractClient db = RefractClient.builder()
                .datasource("db", postgres.r2dbcUrl())
                .datasource("cache", cache.redisUrl() + "?prefix=" + cache.prefix())
                .build()) {
            PipelineRun created = db.pipelineRun().create(c -> c.name("video-production")).block();

            PipelineRun found = db.pipelineRun().findUnique(q -> q.where(w -> w.id(created.id()))).block();

            assertThat(found).isEqualTo(created);
        }
    }
}
// end::testClass[]
