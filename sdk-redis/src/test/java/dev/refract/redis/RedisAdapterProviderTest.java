package dev.refract.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.ClientClosedException;
import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class RedisAdapterProviderTest {

    private static final SchemaMeta SCHEMA = new SchemaMeta(List.of(DatasourceMeta.fromEnvironment("kv", 0,
            Provider.REDIS, "REDIS_URL", PoolMeta.DEFAULTS)), List.of(new ModelMeta("Note", "Note", 0, 0, List.of(
            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId()), KeyMeta.of(0), List.of(), List.of(),
            null, 0)));

    private static AdapterConfig config(String url) {
        return new AdapterConfig(SCHEMA, SCHEMA.datasource(0), url, PoolMeta.DEFAULTS);
    }

    @Test
    void theServiceLoaderFindsTheProviderOfRedisDatasourcesOnly() {
        AdapterProvider provider = ServiceLoader.load(AdapterProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.supports(Provider.REDIS)).findFirst().orElseThrow();

        assertThat(provider).isInstanceOf(RedisAdapterProvider.class);
        assertThat(provider.supports(Provider.POSTGRESQL)).isFalse();
        assertThat(provider.supports(Provider.MONGODB)).isFalse();
    }

    @Test
    void anAdapterConnectsOnlyOnItsFirstOperationAndClosesTwiceQuietly() {
        Adapter adapter = new RedisAdapterProvider().create(config("redis://127.0.0.1:1?prefix=nowhere"));

        assertThat(adapter.capabilities().transactions()).isFalse();
        assertThat(adapter.capabilities().insensitiveMode()).isTrue();
        StepVerifier.create(adapter.close()).verifyComplete();
        StepVerifier.create(adapter.close()).verifyComplete();
        StepVerifier.create(adapter.execute(new Operation.Count(0, Query.ALL)))
                .expectError(ClientClosedException.class).verify(Duration.ofSeconds(5));
    }

    @Test
    void anAdapterDeclaresWhatItComputesOnTheClientButNoTransactionsAndNothingThatFollowsARelation() {
        Adapter adapter = new RedisAdapterProvider().create(config("redis://127.0.0.1:1?prefix=nowhere"));

        assertThat(adapter.capabilities()).isEqualTo(new Capabilities(false, true, true, true, true, true, false,
                false));
        assertThat(adapter.capabilities().relationFilters()).isFalse();
        assertThat(adapter.capabilities().relationCounts()).isFalse();
        StepVerifier.create(adapter.close()).verifyComplete();
    }

    @Test
    void theLogSaysWhichReadsAreDirectLookUpsAndWhichAreScans() {
        RedisAdapter adapter = (RedisAdapter) new RedisAdapterProvider().create(config("redis://127.0.0.1:1"));
        Filter byId = new Filter.Comparison(0, Filter.Operator.EQUALS, "n1", Filter.Mode.DEFAULT);
        Filter byPrefix = new Filter.Comparison(0, Filter.Operator.STARTS_WITH, "n", Filter.Mode.DEFAULT);

        assertThat(adapter.access(new Operation.FindUnique(0, byId, Selection.ALL))).isEqualTo("lookup");
        assertThat(adapter.access(new Operation.FindMany(0, new Query(byPrefix, List.of(), 0, null, null, List.of(),
                Selection.ALL)))).isEqualTo("scan");
        assertThat(adapter.access(new Operation.DeleteMany(0, new Filter.Comparison(0, Filter.Operator.IN,
                List.of("n1", "n2"), Filter.Mode.DEFAULT)))).isEqualTo("lookup");
    }

    @Test
    void aMalformedUrlIsRefusedAtOnceWithoutItsPassword() {
        assertThatThrownBy(() -> new RedisAdapterProvider().create(config("mongodb://u:hunter2@h")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
    }

    @Test
    void aTransactionIsRefusedAsTheContractSays() {
        Adapter adapter = new RedisAdapterProvider().create(config("redis://127.0.0.1:1"));

        StepVerifier.create(adapter.inTransaction(executor -> executor.execute(new Operation.Count(0, Query.ALL))))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("runs no transactions"))
                .verify(Duration.ofSeconds(5));
    }
}
