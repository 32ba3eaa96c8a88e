package dev.refract.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.error.ConnectionFailedException;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.PoolUsage;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The R2DBC adapter's health ping and pool usage, on PostgreSQL and MySQL. */
@RefractTestDatabases
class R2dbcAdapterPingIT {

    private static R2dbcAdapter adapter(Provider provider, String url, PoolMeta pool) {
        SchemaMeta schema = new SchemaMeta(List.of(DatasourceMeta.withUrl("db", 0, provider, url, pool)), List.of());
        return new R2dbcAdapter(new AdapterConfig(schema, schema.datasource(0), url, pool));
    }

    private static void answersAndGivesTheConnectionBack(R2dbcAdapter adapter) {
        try {
            StepVerifier.create(adapter.ping()).verifyComplete();
            StepVerifier.create(adapter.ping()).verifyComplete();

            assertThat(adapter.poolStatistics().acquired()).isZero();
            assertThat(adapter.poolStatistics().acquisitions()).isEqualTo(2);
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aPingOfAPostgresDatasourceCompletesAndHoldsNoConnection(PostgresNamespace postgres) {
        answersAndGivesTheConnectionBack(adapter(Provider.POSTGRESQL, postgres.r2dbcUrl(), PoolMeta.DEFAULTS));
    }

    @Test
    void aPingOfAMysqlDatasourceCompletesAndHoldsNoConnection(MysqlNamespace mysql) {
        answersAndGivesTheConnectionBack(adapter(Provider.MYSQL, mysql.r2dbcUrl(), PoolMeta.DEFAULTS));
    }

    @Test
    void pingsCancelledOnTheirWayGiveTheirConnectionsBack(PostgresNamespace postgres) {
        R2dbcAdapter adapter = adapter(Provider.POSTGRESQL, postgres.r2dbcUrl(), new PoolMeta(2, null, null, null));
        try {
            for (int i = 0; i < 20; i++) {
                // a health check's timeout cancels the ping wherever it is: acquiring, validating or releasing
                adapter.ping().timeout(Duration.ofNanos(i * 50_000L), Mono.empty()).block();
            }
            int acquired = Mono.fromSupplier(() -> adapter.poolStatistics().acquired())
                    .filter(count -> count == 0)
                    .repeatWhenEmpty(100, attempts -> attempts.delayElements(Duration.ofMillis(20)))
                    .switchIfEmpty(Mono.fromSupplier(() -> adapter.poolStatistics().acquired())).block();

            assertThat(acquired).isZero();
            StepVerifier.create(adapter.ping()).verifyComplete();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aPingOfAServerThatIsNotThereFailsWithoutShowingThePassword() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        R2dbcAdapter adapter = adapter(Provider.POSTGRESQL, "r2dbc:postgresql://app:s3cret-word@127.0.0.1:" + port + "/test",
                new PoolMeta(1, null, Duration.ofSeconds(5), null));
        try {
            StepVerifier.create(adapter.ping()).expectErrorSatisfies(error -> assertThat(error)
                    .isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("'db'")
                    .hasMessageNotContaining("s3cret-word")).verify(Duration.ofSeconds(10));
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void poolUsageShowsTheMostBeforeTheStartAndAConnectionWhileItIsHeld(PostgresNamespace postgres) {
        R2dbcAdapter adapter = adapter(Provider.POSTGRESQL, postgres.r2dbcUrl(), new PoolMeta(4, null, null, null));
        try {
            assertThat(adapter.poolUsage()).contains(new PoolUsage(0, 0, 0, 4));

            PoolUsage whileHeld = adapter.onOneConnection(executor -> Mono.fromSupplier(() -> adapter.poolUsage().orElseThrow()))
                    .blockLast();

            assertThat(whileHeld.acquired()).isEqualTo(1);
            assertThat(whileHeld.maxSize()).isEqualTo(4);
            PoolUsage after = adapter.poolUsage().orElseThrow();
            assertThat(after.acquired()).isZero();
            assertThat(after.idle()).isEqualTo(1);
        } finally {
            adapter.close().block();
        }
    }
}
