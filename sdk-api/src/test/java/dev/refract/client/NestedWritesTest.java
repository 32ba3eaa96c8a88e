package dev.refract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.id.IdGenerator;
import dev.refract.id.IdGenerators;
import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.NestedWrite;
import dev.refract.query.WriteData.RelationWrite;
import dev.refract.query.WriteData.WriteOp;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How the client core runs nested writes, seen from a scripted adapter: in one transaction, with
 * the client-side values of every record, and never across datasources.
 */
class NestedWritesTest {

    private static final int RUN = 0;
    private static final int STEP = 1;
    private static final int NOTE = 2;

    // Run
    private static final int RUN_ID = 0;
    private static final int RUN_NAME = 1;
    private static final int RUN_UPDATED_AT = 2;
    private static final int RUN_STEPS = 3;
    private static final int RUN_NOTES = 4;
    // Step
    private static final int STEP_ID = 0;
    private static final int STEP_NAME = 1;
    private static final int STEP_RUN = 2;
    private static final int STEP_RUN_ID = 3;
    private static final int STEP_CREATED_AT = 4;

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.123Z");

    private static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(DatasourceMeta.withUrl("db", 0, Provider.POSTGRESQL, "r2dbc:postgresql://localhost/app", PoolMeta.DEFAULTS),
                    DatasourceMeta.withUrl("docs", 1, Provider.MONGODB, "mongodb://localhost/docs", PoolMeta.DEFAULTS)),
            List.of(new ModelMeta("Run", "Run", RUN, 0, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).withDefault(new DefaultValue.Cuid(1)).asId(),
                            FieldMeta.scalar("name", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.scalar("updatedAt", ScalarType.DATETIME, Arity.REQUIRED).asUpdatedAt(),
                            FieldMeta.relation("steps", "Step", Arity.LIST),
                            FieldMeta.relation("notes", "Note", Arity.LIST)),
                            KeyMeta.of(0), List.of(), List.of(
                                    new RelationMeta("RunToStep", RUN_STEPS, STEP, true, new int[0], new int[0], null, null,
                                            STEP_RUN, false),
                                    new RelationMeta("NoteToRun", RUN_NOTES, NOTE, true, new int[0], new int[0], null, null,
                                            1, true)), null, 0),
                    new ModelMeta("Step", "Step", STEP, 0, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).withDefault(new DefaultValue.Cuid(1)).asId(),
                            FieldMeta.scalar("name", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.relation("run", "Run", Arity.REQUIRED),
                            FieldMeta.scalar("runId", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.scalar("createdAt", ScalarType.DATETIME, Arity.REQUIRED).withDefault(new DefaultValue.Now())),
                            KeyMeta.of(0), List.of(), List.of(
                                    new RelationMeta("RunToStep", STEP_RUN, RUN, false, new int[] {STEP_RUN_ID},
                                            new int[] {RUN_ID}, null, null, RUN_STEPS, false)), null, 0),
                    new ModelMeta("Note", "Note", NOTE, 1, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
                            FieldMeta.relation("run", "Run", Arity.OPTIONAL),
                            FieldMeta.scalar("runId", ScalarType.STRING, Arity.OPTIONAL)),
                            KeyMeta.of(0), List.of(), List.of(
                                    new RelationMeta("NoteToRun", 1, RUN, false, new int[] {2}, new int[] {RUN_ID}, null,
                                            null, RUN_NOTES, true)), null, 0)));

    private final AtomicInteger clockReads = new AtomicInteger();
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return T0.plusMillis(clockReads.getAndIncrement());
        }
    };

    private final EchoAdapter adapter = new EchoAdapter(true);

    private ClientCore core(EchoAdapter adapter) {
        return ClientCore.create(SCHEMA, ClientOptions.builder().clock(clock)
                .idGenerators(c -> new IdGenerators(counting("cuid-"), counting("cuid2-"), counting("uuid4-"),
                        counting("uuid7-"), counting("ulid-"), length -> counting("nano-")))
                .adapterProvider(adapter).build());
    }

    private static IdGenerator counting(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return () -> prefix + count.incrementAndGet();
    }

    private static FieldWrite set(int field, Object value) {
        return new FieldWrite(field, WriteOp.SET, value);
    }

    private static WriteData runWithSteps(NestedWrite... writes) {
        return new WriteData(List.of(set(RUN_NAME, "render")), List.of(new RelationWrite(RUN_STEPS, List.of(writes))));
    }

    @Test
    void aNestedCreateRunsInOneTransactionGivingEveryRecordItsIdsAndOneInstant() {
        Result result = core(adapter).execute(new Operation.Create(RUN, runWithSteps(new NestedWrite.Create(List.of(
                new WriteData(List.of(set(STEP_NAME, "script"))), new WriteData(List.of(set(STEP_NAME, "voice")))))),
                Selection.ALL)).block();

        assertThat(adapter.transactions.get()).isEqualTo(1);
        assertThat(adapter.outsideTransactions.get()).isZero();
        assertThat(adapter.operations).hasSize(4);
        Operation.Create run = (Operation.Create) adapter.operations.get(0);
        assertThat(run.data()).isEqualTo(new WriteData(List.of(set(RUN_ID, "cuid-1"), set(RUN_NAME, "render"),
                set(RUN_UPDATED_AT, T0))));
        assertThat(adapter.operations.get(1)).isEqualTo(new Operation.Create(STEP, new WriteData(List.of(
                set(STEP_ID, "cuid-2"), set(STEP_NAME, "script"), set(STEP_RUN_ID, "cuid-1"), set(STEP_CREATED_AT, T0))),
                new Selection(List.of(STEP_ID), List.of())));
        assertThat(((Operation.Create) adapter.operations.get(2)).data().writes())
                .contains(set(STEP_ID, "cuid-3"), set(STEP_RUN_ID, "cuid-1"), set(STEP_CREATED_AT, T0));
        assertThat(adapter.operations.get(3)).isEqualTo(new Operation.FindUnique(RUN,
                new Filter.Comparison(RUN_ID, Filter.Operator.EQUALS, "cuid-1", Filter.Mode.DEFAULT), Selection.ALL));
        assertThat(result.rows()).hasSize(1);
        assertThat(clockReads.get()).isEqualTo(1);
    }

    @Test
    void aWriteWithoutNestedWritesStaysOneOperationOutsideATransaction() {
        core(adapter).execute(new Operation.Create(RUN, new WriteData(List.of(set(RUN_NAME, "plain"))), Selection.ALL))
                .block();

        assertThat(adapter.transactions.get()).isZero();
        assertThat(adapter.operations).hasSize(1);
    }

    @Test
    void aNestedWriteIntoAnotherDatasourceIsRefusedBeforeAnythingRuns() {
        WriteData data = new WriteData(List.of(set(RUN_NAME, "render")), List.of(new RelationWrite(RUN_NOTES,
                List.of(new NestedWrite.Create(List.of(new WriteData(List.of(set(0, "n1")))))))));

        assertThatThrownBy(() -> core(adapter).execute(new Operation.Create(RUN, data, Selection.ALL)).block())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Run.notes")
                .hasMessageContaining("'db'")
                .hasMessageContaining("'docs'")
                .hasMessageContaining("not atomic")
                .hasMessageContaining("saga");
        assertThat(adapter.operations).isEmpty();
        assertThat(adapter.transactions.get()).isZero();
    }

    @Test
    void writesOnRelatedRecordsInsideACreateAreRefused() {
        WriteData data = runWithSteps(new NestedWrite.DeleteMany(Filter.ALL));

        assertThatThrownBy(() -> core(adapter).execute(new Operation.Create(RUN, data, Selection.ALL)).block())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Run.steps")
                .hasMessageContaining("deleteMany");
        assertThat(adapter.operations).isEmpty();
    }

    @Test
    void disconnectingRecordsWhoseKeyIsRequiredIsRefusedNamingTheRelation() {
        WriteData data = runWithSteps(new NestedWrite.Disconnect(List.of(Filter.ALL)));

        assertThatThrownBy(() -> core(adapter).execute(new Operation.Update(RUN, Filter.ALL, data, Selection.ALL)).block())
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.model()).isEqualTo("Run");
                    assertThat(e.fields()).containsExactly("steps");
                })
                .hasMessageContaining("Run.steps")
                .hasMessageContaining("Step.runId");
    }

    @Test
    void aConstraintTheDatabaseEnforcesOnANestedRecordNamesTheRelationThatWroteIt() {
        WriteData data = runWithSteps(new NestedWrite.Create(List.of(new WriteData(List.of(set(STEP_NAME, "script"))),
                new WriteData(List.of(set(STEP_NAME, EchoAdapter.TAKEN))))));

        assertThatThrownBy(() -> core(adapter).execute(new Operation.Create(RUN, data, Selection.ALL)).block())
                .isInstanceOfSatisfying(UniqueConstraintViolationException.class, e -> {
                    assertThat(e.model()).isEqualTo("Step");
                    assertThat(e.fields()).containsExactly("name");
                    assertThat(e.getCause()).isInstanceOf(UniqueConstraintViolationException.class);
                })
                .hasMessage("[R2002] Unique constraint failed on the fields (name) of Step (in the nested writes of"
                        + " Run.steps)");
    }

    @Test
    void anAdapterWithoutTransactionsCannotRunANestedWrite() {
        EchoAdapter noTransactions = new EchoAdapter(false);

        assertThatThrownBy(() -> core(noTransactions).execute(new Operation.Create(RUN, runWithSteps(
                new NestedWrite.Create(List.of(new WriteData(List.of(set(STEP_NAME, "a")))))), Selection.ALL)).block())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("transaction");
        assertThat(noTransactions.operations).isEmpty();
    }

    /**
     * Answers a create with the row it wrote and a read with a row holding the id it names; counts
     * the transactions it runs and the operations sent outside one. A step named {@link #TAKEN}
     * breaks a unique key.
     */
    private static final class EchoAdapter implements AdapterProvider, Adapter {

        static final String TAKEN = "taken";

        final List<Operation> operations = new CopyOnWriteArrayList<>();
        final AtomicInteger transactions = new AtomicInteger();
        final AtomicInteger outsideTransactions = new AtomicInteger();
        private final boolean transactional;

        EchoAdapter(boolean transactional) {
            this.transactional = transactional;
        }

        @Override
        public boolean supports(Provider provider) {
            return true;
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return this;
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            outsideTransactions.incrementAndGet();
            return answer(operation);
        }

        private Mono<Result> answer(Operation operation) {
            if (operation instanceof Operation.Create create && create.model() == STEP
                    && create.data().writes().contains(set(STEP_NAME, TAKEN))) {
                return Mono.error(new UniqueConstraintViolationException("Step", List.of("name"),
                        "Unique constraint failed on the fields (name) of Step", null));
            }
            return Mono.fromSupplier(() -> {
                operations.add(operation);
                Object[] values = new Object[SCHEMA.model(operation.model()).fieldCount()];
                if (operation instanceof Operation.Create create) {
                    for (FieldWrite write : create.data().writes()) {
                        values[write.field()] = write.value();
                    }
                } else if (operation instanceof Operation.FindUnique find
                        && find.where() instanceof Filter.Comparison id) {
                    values[id.field()] = id.value();
                }
                return Result.ofRows(List.of(Row.wrap(values)));
            });
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return Flux.error(new UnsupportedOperationException("not streamed here"));
        }

        @Override
        public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
            transactions.incrementAndGet();
            Executor tx = new Executor() {
                @Override
                public Mono<Result> execute(Operation operation) {
                    return answer(operation);
                }

                @Override
                public Flux<Row> stream(Operation operation) {
                    return Flux.error(new UnsupportedOperationException("not streamed here"));
                }
            };
            return Flux.from(work.apply(tx));
        }

        @Override
        public Capabilities capabilities() {
            return transactional ? Capabilities.ALL : new Capabilities(false, true, true, true, true, true, true, true);
        }

        @Override
        public Mono<Void> close() {
            return Mono.empty();
        }
    }
}
