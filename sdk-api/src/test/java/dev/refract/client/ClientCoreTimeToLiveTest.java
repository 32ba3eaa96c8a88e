package dev.refract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.WriteOp;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** A write's own time to live ({@link WriteData#ttl()}) reaches a Redis model's adapter, and no other. */
class ClientCoreTimeToLiveTest {

    private static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(DatasourceMeta.withUrl("db", 0, Provider.POSTGRESQL, "r2dbc:postgresql://localhost/app",
                            PoolMeta.DEFAULTS),
                    DatasourceMeta.withUrl("kv", 1, Provider.REDIS, "redis://localhost", PoolMeta.DEFAULTS)),
            List.of(model("Account", 0, 0), model("Session", 1, 1)));
    private static final int ACCOUNT = 0;
    private static final int SESSION = 1;
    private static final Duration TTL = Duration.ofSeconds(30);

    private static ModelMeta model(String name, int index, int datasource) {
        return new ModelMeta(name, name, index, datasource, List.of(
                FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId().withDefault(new DefaultValue.Cuid(1)),
                FieldMeta.scalar("name", ScalarType.STRING, Arity.OPTIONAL)), KeyMeta.of(0), List.of(), List.of(), null, 0);
    }

    private final List<Operation> received = new CopyOnWriteArrayList<>();

    private final ClientCore core = ClientCore.create(SCHEMA, ClientOptions.builder().adapterProvider(
            new AdapterProvider() {
                @Override
                public boolean supports(Provider provider) {
                    return true;
                }

                @Override
                public Adapter create(AdapterConfig config) {
                    return new RecordingAdapter();
                }
            }).build());

    /** Keeps every operation it is sent and answers with one row. */
    private final class RecordingAdapter implements Adapter {
        @Override
        public Mono<Result> execute(Operation operation) {
            received.add(operation);
            return Mono.just(Result.ofRows(List.of(Row.of("a", "n"))));
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return Flux.empty();
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
            return Mono.empty();
        }
    }

    private static WriteData named(Duration ttl) {
        return new WriteData(List.of(new FieldWrite(1, WriteOp.SET, "n")), List.of(), ttl);
    }

    @Test
    void aTtlReachesTheAdapterOfARedisModelWithTheDefaultsTheClientFilledIn() {
        StepVerifier.create(core.execute(new Operation.Create(SESSION, named(TTL), Selection.ALL)))
                .expectNextCount(1).verifyComplete();

        WriteData sent = ((Operation.Create) received.get(0)).data();
        assertThat(sent.ttl()).isEqualTo(TTL);
        assertThat(sent.writes()).extracting(FieldWrite::field).containsExactly(0, 1);
    }

    @Test
    void aWriteOfAModelOutsideRedisGivingATtlIsRefusedBeforeItsAdapterSeesIt() {
        List<Operation> writes = List.of(new Operation.Create(ACCOUNT, named(TTL), Selection.ALL),
                new Operation.CreateMany(ACCOUNT, List.of(named(null), named(TTL)), false),
                new Operation.Update(ACCOUNT, Filter.ALL, named(TTL), Selection.ALL),
                new Operation.UpdateMany(ACCOUNT, Filter.ALL, named(TTL)),
                new Operation.Upsert(ACCOUNT, Filter.ALL, named(null), named(TTL), Selection.ALL));

        for (Operation write : writes) {
            StepVerifier.create(core.execute(write)).expectErrorSatisfies(error -> assertThat(error)
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining("of Account gives a time to live, but Account lives in datasource \"db\""
                            + " (postgresql), which does not expire records: only Redis models take a ttl"))
                    .verify();
        }
        assertThat(received).isEmpty();

        StepVerifier.create(core.execute(new Operation.Create(ACCOUNT, named(null), Selection.ALL)))
                .expectNextCount(1).verifyComplete();
    }

    @Test
    void aTtlShorterThanAMillisecondIsRefusedWhereItIsGiven() {
        assertThatThrownBy(() -> named(Duration.ofNanos(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one millisecond");
    }
}
