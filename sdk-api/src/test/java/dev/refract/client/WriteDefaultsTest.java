package dev.refract.client;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Query;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class WriteDefaultsTest {

    private static final int ID = 0;
    private static final int CODE = 1;
    private static final int REF = 2;
    private static final int NAME = 3;
    private static final int CREATED_AT = 4;
    private static final int UPDATED_AT = 5;
    private static final int SEQ = 6;
    private static final int STATUS = 7;

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.123456789Z");
    private static final Instant T0_MILLIS = Instant.parse("2026-11-21T10:00:00.123Z");

    private static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(DatasourceMeta.withUrl("db", 0, Provider.POSTGRESQL, "r2dbc:postgresql://localhost/app", PoolMeta.DEFAULTS)),
            List.of(new ModelMeta("Item", "Item", 0, 0, List.of(
                    FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).withDefault(new DefaultValue.Cuid(1)).asId(),
                    FieldMeta.scalar("code", ScalarType.STRING, Arity.REQUIRED).withDefault(new DefaultValue.Nanoid(8)),
                    FieldMeta.scalar("ref", ScalarType.STRING, Arity.REQUIRED).withDefault(new DefaultValue.Uuid(7)),
                    FieldMeta.scalar("name", ScalarType.STRING, Arity.REQUIRED),
                    FieldMeta.scalar("createdAt", ScalarType.DATETIME, Arity.REQUIRED).withDefault(new DefaultValue.Now()),
                    FieldMeta.scalar("updatedAt", ScalarType.DATETIME, Arity.OPTIONAL).asUpdatedAt(),
                    FieldMeta.scalar("seq", ScalarType.INT, Arity.REQUIRED).withDefault(new DefaultValue.Autoincrement()),
                    FieldMeta.scalar("status", ScalarType.STRING, Arity.REQUIRED).withDefault(new DefaultValue.Literal("NEW"))),
                    KeyMeta.of(0), List.of(), List.of(), null, 0),
                    new ModelMeta("Plain", "Plain", 1, 0, List.of(FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED)),
                            KeyMeta.of(0), List.of(), List.of(), null, 0)));

    private final TickingClock clock = new TickingClock(T0);
    private final RecordingProvider adapter = new RecordingProvider();
    private final ClientCore core = ClientCore.create(SCHEMA, ClientOptions.builder()
            .clock(clock)
            .idGenerators(c -> new IdGenerators(counting("cuid-"), counting("cuid2-"), counting("uuid4-"),
                    counting("uuid7-"), counting("ulid-"), length -> counting("nano" + length + "-")))
            .adapterProvider(adapter)
            .build());

    private static WriteData data(FieldWrite... writes) {
        return new WriteData(List.of(writes));
    }

    private static FieldWrite set(int field, Object value) {
        return new FieldWrite(field, WriteOp.SET, value);
    }

    private Operation sent(Operation operation) {
        core.execute(operation).block();
        List<Operation> operations = adapter.operations;
        return operations.get(operations.size() - 1);
    }

    @Test
    void createFillsGeneratedIdsNowAndUpdatedAtInFieldOrder() {
        Operation.Create create = (Operation.Create) sent(new Operation.Create(0, data(set(NAME, "a")), Selection.ALL));

        assertThat(create.data()).isEqualTo(data(set(ID, "cuid-1"), set(CODE, "nano8-1"), set(REF, "uuid7-1"),
                set(NAME, "a"), set(CREATED_AT, T0_MILLIS), set(UPDATED_AT, T0_MILLIS)));
    }

    @Test
    void databaseDefaultsAndLiteralsAreLeftToTheDatabase() {
        Operation.Create create = (Operation.Create) sent(new Operation.Create(0, data(set(NAME, "a")), Selection.ALL));

        assertThat(create.data().writes()).extracting(FieldWrite::field).doesNotContain(SEQ, STATUS);
    }

    @Test
    void valuesTheCallerSetWinNullIncluded() {
        Instant earlier = Instant.parse("2020-01-01T00:00:00Z");
        WriteData given = data(set(ID, "mine"), set(CODE, "code"), set(REF, "ref"), set(NAME, "a"),
                set(CREATED_AT, earlier), set(UPDATED_AT, null));

        Operation.Create create = (Operation.Create) sent(new Operation.Create(0, given, Selection.ALL));

        assertThat(create.data()).isEqualTo(given);
    }

    @Test
    void createManyGivesEachRecordItsOwnIdsAndAllOneInstant() {
        Operation.CreateMany many = (Operation.CreateMany) sent(new Operation.CreateMany(0,
                List.of(data(set(NAME, "a")), data(set(NAME, "b")), data(set(ID, "mine"), set(NAME, "c"))), false));

        assertThat(many.data()).extracting(d -> d.writes().get(0).value()).containsExactly("cuid-1", "cuid-2", "mine");
        assertThat(many.data()).allSatisfy(d -> assertThat(d.writes()).filteredOn(w -> w.field() == CREATED_AT
                || w.field() == UPDATED_AT).extracting(FieldWrite::value).containsOnly(T0_MILLIS).hasSize(2));
        assertThat(clock.reads.get()).isEqualTo(1);
    }

    @Test
    void updateSetsUpdatedAtUnlessGivenAndNothingElse() {
        Operation.Update update = (Operation.Update) sent(new Operation.Update(0, Filter.ALL,
                data(new FieldWrite(SEQ, WriteOp.INCREMENT, 1)), Selection.ALL));
        Operation.UpdateMany many = (Operation.UpdateMany) sent(new Operation.UpdateMany(0, Filter.ALL, data(set(NAME, "b"))));
        Instant mine = Instant.parse("2021-01-01T00:00:00Z");
        Operation.Update given = (Operation.Update) sent(new Operation.Update(0, Filter.ALL,
                data(set(UPDATED_AT, mine)), Selection.ALL));

        assertThat(update.data()).isEqualTo(data(set(UPDATED_AT, T0_MILLIS), new FieldWrite(SEQ, WriteOp.INCREMENT, 1)));
        assertThat(many.data()).isEqualTo(data(set(NAME, "b"), set(UPDATED_AT, T0_MILLIS.plusMillis(1))));
        assertThat(given.data()).isEqualTo(data(set(UPDATED_AT, mine)));
    }

    @Test
    void createManyAndReturnIsFilledLikeCreateManyAndKeepsItsSelection() {
        Selection selection = new Selection(List.of(ID, NAME), List.of());
        Operation.CreateManyAndReturn many = (Operation.CreateManyAndReturn) sent(new Operation.CreateManyAndReturn(0,
                List.of(data(set(NAME, "a")), data(set(NAME, "b"))), true, selection));

        assertThat(many.data()).extracting(d -> d.writes().get(0).value()).containsExactly("cuid-1", "cuid-2");
        assertThat(many.data()).allSatisfy(d -> assertThat(d.writes()).filteredOn(w -> w.field() == CREATED_AT
                || w.field() == UPDATED_AT).extracting(FieldWrite::value).containsOnly(T0_MILLIS).hasSize(2));
        assertThat(many.skipDuplicates()).isTrue();
        assertThat(many.selection()).isEqualTo(selection);
        assertThat(clock.reads.get()).isEqualTo(1);
    }

    @Test
    void updateManyAndReturnSetsUpdatedAtUnlessGiven() {
        Filter where = new Filter.IsNull(NAME, false);
        Operation.UpdateManyAndReturn many = (Operation.UpdateManyAndReturn) sent(new Operation.UpdateManyAndReturn(0,
                where, data(set(NAME, "b")), Selection.ALL));

        assertThat(many.data()).isEqualTo(data(set(NAME, "b"), set(UPDATED_AT, T0_MILLIS)));
        assertThat(many.where()).isEqualTo(where);
        assertThat(many.selection()).isEqualTo(Selection.ALL);
    }

    @Test
    void upsertFillsTheCreateLikeACreateAndTheUpdateLikeAnUpdateWithOneInstant() {
        Operation.Upsert upsert = (Operation.Upsert) sent(new Operation.Upsert(0, Filter.ALL, data(set(NAME, "a")),
                data(set(NAME, "b")), Selection.ALL));

        assertThat(upsert.create()).isEqualTo(data(set(ID, "cuid-1"), set(CODE, "nano8-1"), set(REF, "uuid7-1"),
                set(NAME, "a"), set(CREATED_AT, T0_MILLIS), set(UPDATED_AT, T0_MILLIS)));
        assertThat(upsert.update()).isEqualTo(data(set(NAME, "b"), set(UPDATED_AT, T0_MILLIS)));
        assertThat(clock.reads.get()).isEqualTo(1);
    }

    @Test
    void eachSubscriptionDrawsFreshIdsAndTime() {
        Mono<Result> call = core.execute(new Operation.Create(0, data(set(NAME, "a")), Selection.ALL));

        call.block();
        call.block();

        assertThat(adapter.operations).extracting(o -> ((Operation.Create) o).data().writes().get(0).value())
                .containsExactly("cuid-1", "cuid-2");
        assertThat(adapter.operations).extracting(o -> ((Operation.Create) o).data().writes().get(4).value())
                .containsExactly(T0_MILLIS, T0_MILLIS.plusMillis(1));
    }

    @Test
    void nestedWritesOfTheDataAreKeptAndAGivenInstantIsUsed() {
        Instant given = Instant.parse("2022-02-02T00:00:00Z");
        List<WriteData.RelationWrite> relations = List.of(new WriteData.RelationWrite(1,
                List.of(new WriteData.NestedWrite.DeleteMany(Filter.ALL))));
        WriteDefaults defaults = new WriteDefaults(SCHEMA, IdGenerators.standard(clock), clock);

        Operation.Update update = (Operation.Update) defaults.apply(new Operation.Update(0, Filter.ALL,
                new WriteData(List.of(set(NAME, "a")), relations), Selection.ALL), given);

        assertThat(update.data()).isEqualTo(new WriteData(List.of(set(NAME, "a"), set(UPDATED_AT, given)), relations));
        assertThat(clock.reads.get()).isZero();
    }

    @Test
    void readsAndModelsWithoutDefaultsPassUnchanged() {
        Operation read = new Operation.FindMany(0, Query.ALL);
        Operation plain = new Operation.Create(1, data(set(0, "x")), Selection.ALL);

        assertThat(sent(read)).isSameAs(read);
        assertThat(sent(plain)).isSameAs(plain);
        assertThat(clock.reads.get()).isZero();
    }

    @Test
    void theCoreExposesItsClockAndGenerators() {
        assertThat(core.clock()).isSameAs(clock);
        assertThat(core.idGenerators().cuid().next()).isEqualTo("cuid-1");
    }

    @Test
    void standardGeneratorsAreUsedUnlessReplaced() {
        ClientCore standard = ClientCore.create(SCHEMA, ClientOptions.builder().clock(clock).adapterProvider(adapter).build());

        standard.execute(new Operation.Create(0, data(set(NAME, "a")), Selection.ALL)).block();

        Operation.Create create = (Operation.Create) adapter.operations.get(0);
        assertThat((String) create.data().writes().get(ID).value()).matches("c[0-9a-z]{24}");
        assertThat((String) create.data().writes().get(CODE).value()).matches("[A-Za-z0-9_-]{8}");
        assertThat((String) create.data().writes().get(REF).value()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7.*");
    }

    private static IdGenerator counting(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return () -> prefix + count.incrementAndGet();
    }

    /** Moves one millisecond ahead at every read, so each call's instant is told apart. */
    private static final class TickingClock extends Clock {
        private final AtomicInteger reads = new AtomicInteger();
        private final Instant start;

        TickingClock(Instant start) {
            this.start = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock stays in UTC");
        }

        @Override
        public Instant instant() {
            return start.plusMillis(reads.getAndIncrement());
        }

        @Override
        public long millis() {
            return instant().toEpochMilli();
        }
    }

    /** Records the operations it is given and answers with no rows. */
    private static final class RecordingProvider implements AdapterProvider, Adapter {
        final List<Operation> operations = new CopyOnWriteArrayList<>();

        @Override
        public boolean supports(Provider provider) {
            return provider == Provider.POSTGRESQL;
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return this;
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return Mono.fromSupplier(() -> {
                operations.add(operation);
                return Result.ofRows(List.<Row>of());
            });
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return Flux.defer(() -> {
                operations.add(operation);
                return Flux.empty();
            });
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
}
