package dev.refract.r2dbc.client;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.PostgresAdapter;
import dev.refract.r2dbc.PostgresAdapterProvider;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.test.isolation.PostgresNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a client-level test needs around a generated client: the schema's PostgreSQL datasource
 * pushed into the test namespace, and an adapter provider that keeps the adapter it made so the
 * test can read its pool statistics.
 */
final class ClientFixture {

    private ClientFixture() {
    }

    /** Creates the tables of the schema's datasource {@code datasourceIndex} in {@code postgres}. */
    static void push(SchemaMeta schema, int datasourceIndex, PostgresNamespace postgres) {
        DbPush.push(schema, datasourceIndex, ConnectionFactories.get(postgres.r2dbcUrl())).block(Duration.ofSeconds(30));
    }

    /** The PostgreSQL adapter provider found on the classpath, remembering the adapter it creates. */
    static final class CapturingProvider implements AdapterProvider {

        private final PostgresAdapterProvider delegate = new PostgresAdapterProvider();
        private final AtomicReference<PostgresAdapter> created = new AtomicReference<>();

        @Override
        public boolean supports(Provider provider) {
            return delegate.supports(provider);
        }

        @Override
        public Adapter create(AdapterConfig config) {
            Adapter adapter = delegate.create(config);
            created.set((PostgresAdapter) adapter);
            return adapter;
        }

        /** The adapter made last; fails when the client never started one. */
        PostgresAdapter adapter() {
            PostgresAdapter adapter = created.get();
            if (adapter == null) {
                throw new IllegalStateException("the client has not started its PostgreSQL adapter yet");
            }
            return adapter;
        }
    }
}
