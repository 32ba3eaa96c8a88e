package dev.refract.r2dbc.client;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.R2dbcAdapter;
import dev.refract.r2dbc.R2dbcAdapterProvider;
import dev.refract.r2dbc.pool.PoolStatistics;
import dev.refract.r2dbc.sql.PostgresDialect;
import dev.refract.r2dbc.sql.SqlRenderer;
import dev.refract.r2dbc.sql.SqlStatement;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.test.isolation.PostgresNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * What a client-level test needs around a generated client: the schema's PostgreSQL datasource
 * pushed into the test namespace, and an adapter provider that keeps the adapter it made so the
 * test can read its pool statistics.
 */
public final class ClientFixture {

    private ClientFixture() {
    }

    /** Creates the tables of the schema's datasource {@code datasourceIndex} in {@code postgres}. */
    static void push(SchemaMeta schema, int datasourceIndex, PostgresNamespace postgres) {
        DbPush.push(schema, datasourceIndex, ConnectionFactories.get(postgres.r2dbcUrl())).block(Duration.ofSeconds(30));
    }

    /**
     * The R2DBC adapter provider with the SQL renderer it uses by default, remembering the adapter it
     * creates and, on PostgreSQL, the SQL of every statement rendered.
     */
    public static final class CapturingProvider implements AdapterProvider {

        private final AtomicReference<R2dbcAdapter> created = new AtomicReference<>();
        private final Queue<String> rendered = new ConcurrentLinkedQueue<>();
        private final R2dbcAdapterProvider delegate = new R2dbcAdapterProvider(config -> {
            if (config.datasource().provider() != Provider.POSTGRESQL) {
                return null; // the database's own renderer, which learns the server on first use
            }
            SqlRenderer renderer = new SqlRenderer(config.schema(), PostgresDialect.INSTANCE);
            return operation -> {
                SqlStatement statement = renderer.render(operation);
                rendered.add(statement.sql());
                return statement;
            };
        });

        @Override
        public boolean supports(Provider provider) {
            return delegate.supports(provider);
        }

        @Override
        public Adapter create(AdapterConfig config) {
            Adapter adapter = delegate.create(config);
            created.set((R2dbcAdapter) adapter);
            return adapter;
        }

        /** The SQL rendered since the last call, oldest first; forgets it. */
        public List<String> drainRendered() {
            List<String> drained = new ArrayList<>();
            for (String sql = rendered.poll(); sql != null; sql = rendered.poll()) {
                drained.add(sql);
            }
            return drained;
        }

        /** The adapter made last; fails when the client never started one. */
        public R2dbcAdapter adapter() {
            R2dbcAdapter adapter = created.get();
            if (adapter == null) {
                throw new IllegalStateException("the client has not started its R2DBC adapter yet");
            }
            return adapter;
        }

        /** Waits up to {@code patience} for the pool to hold no acquired connection, and returns its statistics. */
        public PoolStatistics awaitIdlePool(Duration patience) {
            return Mono.fromSupplier(() -> adapter().poolStatistics())
                    .filter(statistics -> statistics.acquired() == 0 && statistics.pending() == 0)
                    .repeatWhenEmpty(Integer.MAX_VALUE, attempts -> attempts.delayElements(Duration.ofMillis(20)))
                    .timeout(patience, Mono.fromSupplier(() -> adapter().poolStatistics()))
                    .block();
        }
    }
}
