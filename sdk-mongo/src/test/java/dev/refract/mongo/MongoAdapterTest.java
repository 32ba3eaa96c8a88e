package dev.refract.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.connection.ConnectionPoolSettings;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.mongo.store.RefractClientMetadata;
import dev.refract.spi.AdapterConfig;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting an adapter: the URL, the pool, and nothing connecting yet. */
class MongoAdapterTest {

    private static AdapterConfig config(String url, PoolMeta pool) {
        return new AdapterConfig(RefractClientMetadata.SCHEMA, RefractClientMetadata.DOCS_DATASOURCE, url, pool);
    }

    @Test
    void theProviderIsFoundByServiceLoaderForMongodbOnly() {
        assertThat(ServiceLoader.load(dev.refract.spi.AdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.supports(Provider.MONGODB)))
                .hasAtLeastOneElementOfType(MongoAdapterProvider.class);
        assertThat(new MongoAdapterProvider().supports(Provider.POSTGRESQL)).isFalse();
    }

    @Test
    void theSchemasPoolSettingsBecomeTheDriversAndNothingConnects() {
        MongoAdapter adapter = new MongoAdapter(config("mongodb://nowhere.invalid:27017/app",
                new PoolMeta(7, 2, Duration.ofMillis(1500), Duration.ofSeconds(30))), MongoAdapterOptions.defaults());

        ConnectionPoolSettings pool = adapter.settings().getConnectionPoolSettings();
        assertThat(pool.getMaxSize()).isEqualTo(7);
        assertThat(pool.getMinSize()).isEqualTo(2);
        assertThat(pool.getMaxWaitTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(pool.getMaxConnectionIdleTime(TimeUnit.SECONDS)).isEqualTo(30);
        assertThat(adapter.database()).isEqualTo("app");
        assertThat(adapter.close().block(Duration.ofSeconds(5))).isNull();
    }

    @Test
    void aUrlWithoutADatabaseIsRefusedNamingTheDatasourceWithoutThePassword() {
        assertThatThrownBy(() -> new MongoAdapterProvider().create(config("mongodb://app:s3cret@localhost:27017",
                PoolMeta.DEFAULTS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'docs'").hasMessageContaining("names no database")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new MongoAdapterProvider().create(config("postgresql://app:s3cret@localhost/db",
                PoolMeta.DEFAULTS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mongodb://")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void everyAbilityButNullsOrderingIsDeclared() {
        var capabilities = new MongoAdapter(config("mongodb://localhost/app", PoolMeta.DEFAULTS),
                MongoAdapterOptions.defaults()).capabilities();
        assertThat(capabilities.transactions()).isTrue();
        assertThat(capabilities.insensitiveMode()).isTrue();
        assertThat(capabilities.distinct()).isTrue();
        assertThat(capabilities.groupBy()).isTrue();
        assertThat(capabilities.scalarLists()).isTrue();
        assertThat(capabilities.nullsOrdering()).isFalse();
    }
}
