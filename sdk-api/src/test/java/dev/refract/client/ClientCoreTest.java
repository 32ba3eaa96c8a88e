package dev.refract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.AdapterUnavailableException;
import dev.refract.error.ClientClosedException;
import dev.refract.error.ReadOnlyDatasourceException;
import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ClientCoreTest {

    private static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(DatasourceMeta.fromEnvironment("db", 0, Provider.POSTGRESQL, "DATABASE_URL", new PoolMeta(20, null, null, null)),
                    DatasourceMeta.withUrl("docs", 1, Provider.MONGODB, "mongodb://app:secret@localhost/app", PoolMeta.DEFAULTS)),
            List.of(model("Run", 0, 0), model("Content", 1, 1), model("Step", 2, 0)));

    private static ModelMeta model(String name, int index, int datasource) {
        return new ModelMeta(name, name, index, datasource, List.of(FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED)),
                KeyMeta.of(0), List.of(), List.of(), null, 0);
    }

    /** Answers every operation with one row naming the datasource it serves. */
    static final class FakeAdapter implements Adapter {
        final AdapterConfig config;
        volatile boolean closed;

        FakeAdapter(AdapterConfig config) {
            this.config = config;
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return Mono.just(Result.ofRows(List.of(Row.of(config.datasource().name()))));
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return Flux.just(Row.of(config.datasource().name()), Row.of(config.datasource().name()));
        }

        @Override
        public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
            return Flux.from(work.apply(this));
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.ALL;
        }

        @Override
        public Mono<Void> close() {
            return Mono.fromRunnable(() -> closed = true);
        }
    }

    static final class FakeProvider implements AdapterProvider {
        final Provider provider;
        final List<FakeAdapter> started = new CopyOnWriteArrayList<>();

        FakeProvider(Provider provider) {
            this.provider = provider;
        }

        @Override
        public boolean supports(Provider candidate) {
            return candidate == provider;
        }

        @Override
        public Adapter create(AdapterConfig config) {
            FakeAdapter adapter = new FakeAdapter(config);
            started.add(adapter);
            return adapter;
        }
    }

    private static Operation findMany(int model) {
        return new Operation.FindMany(model, Query.ALL);
    }

    @Test
    void routesEachModelToItsDatasourcesAdapter() {
        FakeProvider postgres = new FakeProvider(Provider.POSTGRESQL);
        FakeProvider mongo = new FakeProvider(Provider.MONGODB);
        ClientCore core = ClientCore.create(SCHEMA, ClientOptions.builder().adapterProvider(postgres)
                .adapterProvider(mongo).environment(Map.of("DATABASE_URL", "r2dbc:postgresql://env/app")::get).build());

        StepVerifier.create(core.stream(findMany(1)).map(row -> row.get(0))).expectNext("docs", "docs").verifyComplete();
        StepVerifier.create(core.execute(findMany(2)).map(r -> r.rows().get(0).get(0))).expectNext("db").verifyComplete();
        StepVerifier.create(core.execute(findMany(0)).map(r -> r.rows().get(0).get(0))).expectNext("db").verifyComplete();

        assertThat(postgres.started).as("one adapter per datasource, reused").hasSize(1);
        assertThat(mongo.started).hasSize(1);
    }

    @Test
    void refusesWritesToAReadOnlyDatasourceBeforeTheyReachItsAdapter() {
        SchemaMeta schema = new SchemaMeta(List.of(DatasourceMeta.withUrl("legacy", 0, Provider.POSTGRESQL,
                "r2dbc:postgresql://legacy/app", PoolMeta.DEFAULTS).asReadOnly()), List.of(model("Run", 0, 0)));
        FakeProvider postgres = new FakeProvider(Provider.POSTGRESQL);
        ClientCore core = ClientCore.create(schema, ClientOptions.builder().adapterProvider(postgres).build());
        Operation delete = new Operation.DeleteMany(0, dev.refract.query.Filter.ALL);

        StepVerifier.create(core.execute(delete)).expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOf(ReadOnlyDatasourceException.class)
                .hasMessage("[R2042] Datasource 'legacy' is read-only, so the client does not run deleteMany on Run."
                        + " Remove readOnly = true from the datasource block of the schema (and regenerate the client)"
                        + " if the application may change its data")).verify();
        StepVerifier.create(core.transaction(TransactionOptions.defaults(), () -> core.execute(delete)))
                .expectError(ReadOnlyDatasourceException.class).verify();
        StepVerifier.create(core.executeRaw("legacy", () -> null)).expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOf(ReadOnlyDatasourceException.class).hasMessageContaining("does not run executeRaw."))
                .verify();
        assertThat(postgres.started).as("no write started the datasource's adapter").isEmpty();

        StepVerifier.create(core.execute(findMany(0)).map(r -> r.rows().get(0).get(0))).expectNext("legacy")
                .verifyComplete();
    }

    @Test
    void startsAdaptersLazilyOnSubscription() {
        FakeProvider postgres = new FakeProvider(Provider.POSTGRESQL);
        ClientCore core = ClientCore.create(SCHEMA, ClientOptions.builder().adapterProvider(postgres)
                .datasource("db", "r2dbc:postgresql://code/app").build());

        Mono<Result> call = core.execute(findMany(0));
        assertThat(postgres.started).isEmpty();

        call.block();
        assertThat(postgres.started).hasSize(1);
    }

    @Test
    void codeOverridesWinOverSchemaAndEnvironment() {
        FakeProvider postgres = new FakeProvider(Provider.POSTGRESQL);
        ClientCore core = ClientCore.create(SCHEMA, ClientOptions.builder().adapterProvider(postgres)
                .datasource("db", "r2dbc:postgresql://code/app").poolSize("db", 7)
                .environment(Map.of("DATABASE_URL", "r2dbc:postgresql://env/app")::get).build());

        core.execute(findMany(0)).block();

        assertThat(postgres.started.get(0).config.url()).isEqualTo("r2dbc:postgresql://code/app");
        assertThat(postgres.started.get(0).config.pool().size()).isEqualTo(7);
    }

    @Test
    void fallsBackToEnvironmentVariableThenSchemaLiteral() {
        FakeProvider postgres = new FakeProvider(Provider.POSTGRESQL);
        FakeProvider mongo = new FakeProvider(Provider.MONGODB);
        ClientCore core = ClientCore.create(SCHEMA, ClientOptions.builder().adapterProvider(postgres).adapterProvider(mongo)
                .environment(Map.of("DATABASE_URL", "r2dbc:postgresql://env/app")::get).build());

        core.execute(findMany(0)).block();
        core.execute(findMany(1)).block();

        assertThat(postgres.started.get(0).config.url()).isEqualTo("r2dbc:postgresql://env/app");
        assertThat(postgres.started.get(0).config.pool().size()).isEqualTo(20);
        assertThat(mongo.started.get(0).config.url()).isEqualTo("mongodb://app:secret@localhost/app");
    }

    @Test
    void unsetEnvironmentVariableFailsOnSubscriptionSayingHowToFixIt() {
        ClientCore core = ClientCore.create(SCHEMA, ClientOptions.builder()
                .adapterProvider(new FakeProvider(Provider.POSTGRESQL)).environment(name -> null).build());

        StepVerifier.create(core.execute(findMany(0)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AdapterUnavailableException.class)
                        .hasMessageContaining("DATABASE_URL").hasMessageContaining("datasource(\"db\", url)"))
                .verify();
    }

    @Test
    void missingAdapterFailsOnSubscriptionNamingDatasourceProviderAndArtifact() {
        ClientCore core = ClientCore.create(SCHEMA, ClientOptions.builder()
                .adapterProvider(new FakeProvider(Provider.POSTGRESQL)).build());

        Flux<Row> call = core.stream(findMany(1));

        StepVerifier.create(call)
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(AdapterUnavailableException.class);
                    AdapterUnavailableException unavailable = (AdapterUnavailableException) error;
                    assertThat(unavailable.datasource()).isEqualTo("docs");
                    assertThat(unavailable.provider()).isEqualTo(Provider.MONGODB);
                    assertThat(unavailable.model()).isEqualTo("Content");
                    assertThat(error.getMessage()).contains("'docs'").contains("mongodb").contains("refract-sdk-mongo");
                })
                .verify();
    }

    @Test
    void adapterStartFailureNeverShowsThePassword() {
        AdapterProvider failing = new AdapterProvider() {
            @Override
            public boolean supports(Provider provider) {
                return provider == Provider.MONGODB;
            }

            @Override
            public Adapter create(AdapterConfig config) {
                throw new IllegalArgumentException("bad host in " + config.url());
            }
        };
        ClientCore core = ClientCore.create(SCHEMA, ClientOptions.builder().adapterProvider(failing).build());

        StepVerifier.create(core.execute(findMany(1)))
                .expectErrorSatisfies(error -> assertThat(error.getMessage()).contains("app:****@localhost")
                        .doesNotContain("secret"))
                .verify();
    }

    @Test
    void closedClientAnswersEveryCallWithClientClosed() {
        FakeProvider postgres = new FakeProvider(Provider.POSTGRESQL);
        ClientCore core = ClientCore.create(SCHEMA, ClientOptions.builder().adapterProvider(postgres)
                .datasource("db", "r2dbc:postgresql://code/app").build());
        core.execute(findMany(0)).block();

        StepVerifier.create(core.closeAsync()).verifyComplete();

        assertThat(core.isClosed()).isTrue();
        assertThat(postgres.started.get(0).closed).as("close disposes started adapters").isTrue();
        StepVerifier.create(core.execute(findMany(0))).expectError(ClientClosedException.class).verify();
        StepVerifier.create(core.stream(findMany(2)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ClientClosedException.class)
                        .hasMessageContaining("Step"))
                .verify();
    }

    @Test
    void everyCallIsColdAndRunsAgainPerSubscription() {
        FakeProvider postgres = new FakeProvider(Provider.POSTGRESQL);
        ClientCore core = ClientCore.create(SCHEMA, ClientOptions.builder().adapterProvider(postgres)
                .datasource("db", "r2dbc:postgresql://code/app").build());
        Mono<Result> call = core.execute(findMany(0));

        core.close();

        StepVerifier.create(call).expectError(ClientClosedException.class).verify();
    }

    @Test
    void rejectsOverridesOfUnknownDatasources() {
        assertThatThrownBy(() -> ClientCore.create(SCHEMA, ClientOptions.builder().datasource("dbx", "x").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dbx'").hasMessageContaining("db, docs");
        assertThatThrownBy(() -> ClientOptions.builder().poolSize("db", 0)).hasMessageContaining("at least 1");
    }

    @Test
    void routerMapsModelsToDatasourceSlotsByIndex() {
        DatasourceSlot[] slots = {
            new DatasourceSlot(SCHEMA, SCHEMA.datasource(0), null, ClientOptions.defaults()),
            new DatasourceSlot(SCHEMA, SCHEMA.datasource(1), null, ClientOptions.defaults())
        };

        Router router = new Router(SCHEMA, slots);

        assertThat(router.route(0)).isSameAs(slots[0]);
        assertThat(router.route(1)).isSameAs(slots[1]);
        assertThat(router.route(2)).isSameAs(slots[0]);
    }
}
