package dev.refract.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.RelationLink;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.Selection.Include;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The include loader over in-memory adapters that answer each operation from a list of rows: what
 * it asks the adapters, and how it puts the answers together. The SQL of {@code FindRelated} and
 * the results on a real database are proven by the PostgreSQL adapter's tests.
 */
class IncludeLoaderTest {

    private static final int RUN = 0;
    private static final int STEP = 1;
    private static final int CONTENT = 2;

    // Run(id, name, steps[]) ; Step(id, runId?, position, run?, contentId?, content?) ; Content(id, body, steps[]) in docs
    private static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(DatasourceMeta.withUrl("db", 0, Provider.POSTGRESQL, "r2dbc:postgresql://h/app", PoolMeta.DEFAULTS),
                    DatasourceMeta.withUrl("docs", 1, Provider.MONGODB, "mongodb://h/app", PoolMeta.DEFAULTS)),
            List.of(
                    new ModelMeta("Run", "Run", RUN, 0, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
                            FieldMeta.scalar("name", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.relation("steps", "Step", Arity.LIST)),
                            KeyMeta.of(0), List.of(), List.of(
                                    new RelationMeta("RunToStep", 2, STEP, true, new int[0], new int[0], null, null, 3, false)),
                            null, 0),
                    new ModelMeta("Step", "Step", STEP, 0, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
                            FieldMeta.scalar("runId", ScalarType.STRING, Arity.OPTIONAL),
                            FieldMeta.scalar("position", ScalarType.INT, Arity.REQUIRED),
                            FieldMeta.relation("run", "Run", Arity.OPTIONAL),
                            FieldMeta.scalar("contentId", ScalarType.STRING, Arity.OPTIONAL),
                            FieldMeta.relation("content", "Content", Arity.OPTIONAL)),
                            KeyMeta.of(0), List.of(), List.of(
                                    new RelationMeta("RunToStep", 3, RUN, false, new int[] {1}, new int[] {0}, null, null, 2, false),
                                    new RelationMeta("ContentToStep", 5, CONTENT, false, new int[] {4}, new int[] {0}, null, null,
                                            2, true)),
                            null, 0),
                    new ModelMeta("Content", "Content", CONTENT, 1, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
                            FieldMeta.scalar("body", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.relation("steps", "Step", Arity.LIST)),
                            KeyMeta.of(0), List.of(), List.of(
                                    new RelationMeta("ContentToStep", 2, STEP, true, new int[0], new int[0], null, null, 5, true)),
                            null, 0)));

    /** What an adapter was asked, in order: the datasource and the operation, or "BEGIN" for a transaction. */
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final Map<Integer, List<Row>> tables = new ConcurrentHashMap<>();

    private ClientCore core() {
        return ClientCore.create(SCHEMA, ClientOptions.builder()
                .adapterProvider(new TableProvider(Provider.POSTGRESQL))
                .adapterProvider(new TableProvider(Provider.MONGODB))
                .build());
    }

    private void runsAndSteps() {
        tables.put(RUN, List.of(Row.of("r1", "first", null), Row.of("r2", "second", null), Row.of("r3", "empty", null)));
        tables.put(STEP, List.of(
                Row.of("s1", "r1", 1, null, "c1", null),
                Row.of("s2", "r1", 2, null, null, null),
                Row.of("s3", "r2", 1, null, "c2", null),
                Row.of("s4", null, 1, null, "c1", null)));
        tables.put(CONTENT, List.of(Row.of("c1", "intro", null), Row.of("c2", "outro", null)));
    }

    private static Query including(Selection selection) {
        return new Query(Filter.ALL, List.of(), 0, null, null, List.of(), selection);
    }

    private static Selection all(Include... includes) {
        return new Selection(List.of(), List.of(includes));
    }

    private static Include include(int field, Include... nested) {
        return new Include(field, including(all(nested)));
    }

    private long statements(String kind) {
        return asked.stream().filter(line -> line.contains(kind)).count();
    }

    @Test
    void loadsEachLevelForEveryParentWithOneStatementAndGroupsTheRowsByParent() {
        runsAndSteps();
        Operation findRuns = new Operation.FindMany(RUN, including(all(include(2, include(5)))));

        List<Row> runs = core().stream(findRuns).collectList().block();

        assertThat(asked).containsExactly("db CONNECTION", "db FindMany (one)", "db FindRelated Step keys [r1, r2, r3] (one)",
                "docs FindRelated Content keys [c1, c2]", "db RELEASE");
        assertThat(runs).hasSize(3);
        List<Row> firstSteps = runs.get(0).getRows(2);
        assertThat(firstSteps).extracting(step -> step.get(0)).containsExactly("s1", "s2");
        assertThat(firstSteps.get(0).getRow(5)).contains(Row.of("c1", "intro", null));
        assertThat(firstSteps.get(1).getRow(5)).as("a step without content").isEmpty();
        assertThat(firstSteps.get(0).size()).as("the parent's key is not handed on").isEqualTo(6);
        assertThat(runs.get(1).getRows(2)).extracting(step -> step.get(0)).containsExactly("s3");
        assertThat(runs.get(2).getRows(2)).as("a run without steps").isEmpty();
        assertThat(runs.get(2).get(1)).isEqualTo("empty");
    }

    @Test
    void readsTheLinkKeysASelectionLeavesOutAndHidesThemAgain() {
        runsAndSteps();
        // steps selecting only their position, with their run: runId is read for the link, then hidden
        Selection steps = new Selection(List.of(2), List.of(include(3)));
        Operation findSteps = new Operation.FindMany(STEP, including(steps));

        List<Row> found = core().execute(findSteps).block().rows();

        assertThat(asked).containsExactly("db CONNECTION", "db FindMany fields [2, 1] (one)",
                "db FindRelated Run keys [r1, r2] (one)", "db RELEASE");
        assertThat(found).extracting(step -> step.get(1)).as("runId, not selected").containsOnlyNulls();
        assertThat(found).extracting(step -> step.get(2)).containsExactly(1, 2, 1, 1);
        assertThat(found).extracting(step -> step.getRow(3).map(run -> run.get(1)))
                .containsExactly(Optional.of("first"), Optional.of("first"), Optional.of("second"), Optional.empty());
    }

    @Test
    void parentsWithoutAnyKeyNeedNoStatement() {
        tables.put(STEP, List.of(Row.of("s1", null, 1, null, null, null)));

        List<Row> found = core().execute(new Operation.FindMany(STEP, including(all(include(3))))).block().rows();

        assertThat(asked).containsExactly("db CONNECTION", "db FindMany (one)", "db RELEASE");
        assertThat(found.get(0).getRow(3)).isEmpty();
    }

    @Test
    void rowsOfOperationsWithoutIncludesPassThroughUntouched() {
        runsAndSteps();
        Row stored = tables.get(RUN).get(0);

        Row found = core().execute(new Operation.FindUnique(RUN, Filter.ALL, Selection.ALL)).block().rows().get(0);

        assertThat(found).isSameAs(stored);
        assertThat(asked).containsExactly("db FindUnique");
    }

    @Test
    void includingAFieldThatIsNotARelationFailsNamingModelAndField() {
        runsAndSteps();

        StepVerifier.create(core().execute(new Operation.FindMany(RUN, including(all(include(1))))))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(InvalidQueryException.class)
                            .hasMessageContaining("name").hasMessageContaining("Run").hasMessageContaining("not a relation");
                    assertThat(((InvalidQueryException) error).fields()).containsExactly("name");
                })
                .verify();
        assertThat(asked).isEmpty();
    }

    @Test
    void aStreamLoadsTheRelationsOfEachChunkOfParentsInOrder() {
        List<Row> runs = new ArrayList<>();
        List<Row> steps = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            runs.add(Row.of("r" + i, "run " + i, null));
            steps.add(Row.of("s" + i, "r" + i, i, null, null, null));
        }
        tables.put(RUN, runs);
        tables.put(STEP, steps);

        List<Row> streamed = core().stream(new Operation.FindMany(RUN, including(all(include(2))))).collectList().block();

        assertThat(statements("FindRelated")).as("one load per chunk of %d", IncludeLoader.STREAM_CHUNK).isEqualTo(3);
        assertThat(streamed).extracting(run -> run.get(0)).containsExactlyElementsOf(
                IntStream.range(0, 2_500).mapToObj(i -> "r" + i).toList());
        assertThat(streamed).allSatisfy(run -> assertThat(run.getRows(2)).singleElement()
                .satisfies(step -> assertThat(step.get(1)).isEqualTo(run.get(0))));
    }

    @Test
    void aStreamAsksForItsParentsAChunkAtATime() {
        List<Row> runs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            runs.add(Row.of("r" + i, "run " + i, null));
        }
        tables.put(RUN, runs);
        tables.put(STEP, List.of());
        List<Long> requested = new CopyOnWriteArrayList<>();
        TableAdapter adapter = new TableAdapter("db") {
            @Override
            Flux<Row> rows(Operation operation, String tag) {
                return super.rows(operation, tag).doOnRequest(requested::add);
            }
        };
        IncludeLoader loader = new IncludeLoader(SCHEMA, new Router(SCHEMA, new DatasourceSlot[2]), 3);

        StepVerifier.create(loader.stream(adapter, new Operation.FindMany(RUN, including(all(include(2))))), 0)
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertThat(requested.stream().mapToLong(Long::longValue).sum())
                        .as("rows asked of the adapter for one row downstream: three chunks at most")
                        .isLessThanOrEqualTo(9))
                .thenCancel()
                .verify();
    }

    @Test
    void aReadRunsItsStatementAndTheRelationsOfItsDatasourceOnOneConnection() {
        runsAndSteps();

        Row run = core().execute(new Operation.FindUnique(RUN, Filter.ALL, all(include(2)))).block().rows().get(0);

        assertThat(asked).containsExactly("db CONNECTION", "db FindUnique (one)", "db FindRelated Step keys [r1] (one)",
                "db RELEASE");
        assertThat(run.getRows(2)).extracting(step -> step.get(0)).containsExactly("s1", "s2");
    }

    @Test
    void aStreamWhoseRowsFitOneChunkReadsTheirRelationsOnItsConnectionBeforeGivingItBack() {
        runsAndSteps();
        IncludeLoader loader = new IncludeLoader(SCHEMA, new Router(SCHEMA, new DatasourceSlot[2]), 3);

        List<Row> runs = loader.stream(new TableAdapter("db"), new Operation.FindMany(RUN, including(all(include(2)))))
                .collectList().block();

        assertThat(asked).as("three runs: exactly one chunk").containsExactly("db CONNECTION", "db FindMany (one)",
                "db FindRelated Step keys [r1, r2, r3] (one)", "db RELEASE");
        assertThat(runs).extracting(run -> run.getRows(2).size()).containsExactly(2, 1, 0);
    }

    @Test
    void aLongerStreamReadsEachChunksRelationsOnOtherConnectionsAndGivesItsOwnBackOnceItsRowsAreRead() {
        List<Row> runs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            runs.add(Row.of("r" + i, "run " + i, null));
        }
        tables.put(RUN, runs);
        tables.put(STEP, List.of(Row.of("s6", "r6", 1, null, null, null)));
        IncludeLoader loader = new IncludeLoader(SCHEMA, new Router(SCHEMA, new DatasourceSlot[2]), 3);
        TableAdapter adapter = new TableAdapter("db") {
            @Override
            public Mono<Result> execute(Operation operation) {
                // the pool's other connections answer a little later, as a database does
                return super.execute(operation).delaySubscription(Duration.ofMillis(20));
            }
        };

        List<Row> streamed = loader.stream(adapter, new Operation.FindMany(RUN, including(all(include(2)))))
                .collectList().block();

        assertThat(asked).containsSubsequence("db CONNECTION", "db FindMany (one)",
                "db FindRelated Step keys [r0, r1, r2]", "db FindRelated Step keys [r3, r4, r5]",
                "db FindRelated Step keys [r6]");
        assertThat(asked.indexOf("db RELEASE")).as("given back before the last chunk's relations are read")
                .isLessThan(asked.indexOf("db FindRelated Step keys [r6]"));
        assertThat(streamed.get(6).getRows(2)).extracting(step -> step.get(0)).containsExactly("s6");
    }

    @Test
    void relatedRowsHoldingTheirKeyInTheirFieldsAreHandedOnAsTheAdapterMadeThem() {
        runsAndSteps();

        List<Row> runs = core().execute(new Operation.FindMany(RUN, including(all(include(2))))).block().rows();

        assertThat(runs.get(0).getRows(2).get(0)).as("the stored step, not a copy").isSameAs(tables.get(STEP).get(0));
    }

    @Test
    void relatedRowsCarryingTheirKeyAreCutBackToTheirFields() {
        runsAndSteps();
        // the steps read their position alone, so their runId, the key, comes after their fields
        Include positions = new Include(2, including(new Selection(List.of(2), List.of())));

        List<Row> runs = core().execute(new Operation.FindMany(RUN, including(all(positions)))).block().rows();

        Row step = runs.get(0).getRows(2).get(0);
        assertThat(step.size()).isEqualTo(6);
        assertThat(step.get(2)).isEqualTo(1);
        assertThat(step.get(1)).as("the key, not selected").isNull();
    }

    @Test
    void aDeleteReadsTheRecordWithItsRelationsBeforeDeletingItInOneTransaction() {
        runsAndSteps();

        Row deleted = core().execute(new Operation.Delete(RUN, Filter.ALL, all(include(2)))).block().rows().get(0);

        assertThat(asked).containsExactly("db BEGIN", "db FindUnique", "db FindRelated Step keys [r1]",
                "db Delete fields [0]");
        assertThat(deleted.getRows(2)).extracting(step -> step.get(0)).containsExactly("s1", "s2");
    }

    /** Makes {@link TableAdapter}s. */
    private final class TableProvider implements AdapterProvider {
        private final Provider provider;

        TableProvider(Provider provider) {
            this.provider = provider;
        }

        @Override
        public boolean supports(Provider candidate) {
            return candidate == provider;
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return new TableAdapter(config.datasource().name());
        }
    }

    /**
     * Answers reads with every row of the model's table, with the selection's fields alone, and
     * {@code FindRelated} with the rows whose link key is asked for, tagged with it unless the rows
     * hold it in their fields, as the stored rows themselves then when they read every field. Work
     * given to {@code onOneConnection} runs on an executor that tags what it is asked with "(one)".
     */
    private class TableAdapter implements Adapter {
        private final String datasource;

        TableAdapter(String datasource) {
            this.datasource = datasource;
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return Mono.fromCallable(() -> Result.ofRows(answer(operation)));
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return rows(operation, "");
        }

        /** The rows of {@code operation}, streamed, noted in {@link #asked} with {@code tag} after it. */
        Flux<Row> rows(Operation operation, String tag) {
            return Flux.defer(() -> Flux.fromIterable(answer(operation, tag)));
        }

        @Override
        public <T> Flux<T> onOneConnection(Function<Executor, ? extends Publisher<T>> work) {
            Executor one = new Executor() {
                @Override
                public Mono<Result> execute(Operation operation) {
                    return Mono.fromCallable(() -> Result.ofRows(answer(operation, " (one)")));
                }

                @Override
                public Flux<Row> stream(Operation operation) {
                    return rows(operation, " (one)");
                }
            };
            // given back before the end is passed on, as a pool's connection is
            Mono<Void> release = Mono.fromRunnable(() -> asked.add(datasource + " RELEASE"));
            return Flux.usingWhen(Mono.fromSupplier(() -> asked.add(datasource + " CONNECTION")), taken -> work.apply(one),
                    taken -> release, (taken, error) -> release, taken -> release);
        }

        private List<Row> answer(Operation operation) {
            return answer(operation, "");
        }

        /** The rows of {@code operation}, noted in {@link #asked} with {@code tag} after it. */
        private List<Row> answer(Operation operation, String tag) {
            Selection selection = operation instanceof Operation.FindRelated related
                    ? related.query().selection() : IncludeLoader.selectionOf(operation);
            assertThat(selection.includes()).as("adapters never see includes").isEmpty();
            String name = operation.getClass().getSimpleName();
            String fields = selection.allFields() ? "" : " fields " + selection.fields();
            List<Row> rows = tables.getOrDefault(operation.model(), List.of());
            if (!(operation instanceof Operation.FindRelated related)) {
                asked.add(datasource + " " + name + fields + tag);
                List<Row> projected = rows.stream().map(row -> project(row, selection, null)).toList();
                return operation instanceof Operation.FindUnique || operation instanceof Operation.Delete
                        ? projected.subList(0, 1) : projected;
            }
            asked.add(datasource + " " + name + " " + SCHEMA.model(related.model()).name() + " keys " + related.keys()
                    + fields + tag);
            RelationLink link = RelationLink.of(SCHEMA, related.parentModel(), related.field());
            Set<Object> keys = new HashSet<>(related.keys());
            boolean keyInFields = related.keyAmongFields(link);
            List<Row> found = new ArrayList<>();
            for (Row row : rows) {
                Object key = link.targetKeyOf(row::get);
                if (key != null && keys.contains(key)) {
                    found.add(project(row, selection, keyInFields ? null : key));
                }
            }
            return found;
        }

        private Row project(Row row, Selection selection, Object key) {
            if (selection.allFields() && key == null) {
                return row;
            }
            Object[] values = new Object[key == null ? row.size() : row.size() + 2];
            for (int i = 0; i < row.size(); i++) {
                values[i] = selection.allFields() || selection.fields().contains(i) ? row.get(i) : null;
            }
            if (key != null) {
                values[row.size() + 1] = key;
            }
            return Row.wrap(values);
        }

        /** Runs the work on an executor of this adapter's answers whose statements share the transaction's connection. */
        @Override
        public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
            asked.add(datasource + " BEGIN");
            TableAdapter adapter = this;
            return Flux.from(work.apply(new Executor() {
                @Override
                public Mono<Result> execute(Operation operation) {
                    return adapter.execute(operation);
                }

                @Override
                public Flux<Row> stream(Operation operation) {
                    return adapter.stream(operation);
                }
            }));
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
