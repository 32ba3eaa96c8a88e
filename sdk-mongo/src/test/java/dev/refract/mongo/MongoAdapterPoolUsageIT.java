package dev.refract.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.PoolMeta;
import dev.refract.mongo.store.RefractClientMetadata;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.PoolUsage;
import dev.refract.test.isolation.MongoNamespace;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The MongoDB adapter's pool usage, counted from the driver's pool events of a real server's pool. */
class MongoAdapterPoolUsageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static MongoNamespace namespace;

    @BeforeAll
    static void start() {
        namespace = MongoNamespace.create("MongoAdapterPoolUsageIT");
    }

    @AfterAll
    static void stop() {
        namespace.close();
    }

    @Test
    void thePoolShowsItsMostBeforeTheFirstOperationAndAnIdleConnectionAfterIt() {
        MongoAdapter adapter = new MongoAdapter(new AdapterConfig(RefractClientMetadata.SCHEMA,
                RefractClientMetadata.DOCS_DATASOURCE, namespace.mongoUrl(), new PoolMeta(4, null, null, null)),
                MongoAdapterOptions.defaults());
        try {
            assertThat(adapter.poolUsage()).contains(new PoolUsage(0, 0, 0, 4));

            adapter.ping().block(WAIT);

            PoolUsage after = adapter.poolUsage().orElseThrow();
            assertThat(after.acquired()).isZero();
            assertThat(after.pending()).isZero();
            assertThat(after.idle()).isBetween(1, 4);
            assertThat(after.maxSize()).isEqualTo(4);
        } finally {
            adapter.close().block(WAIT);
        }
    }
}
