package dev.refract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Comparison;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Filter.Quantifier;
import dev.refract.query.Filter.Related;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.spi.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * The rewrite of relation filters across datasources, filters in and filters out: the look-ups it
 * asks for are answered from rows given per model, and the filter it hands on is compared whole.
 */
class CrossDatasourceFiltersTest {

    private static final int RUN = 0;
    private static final int ITEM = 1;
    private static final int SESSION = 2;
    private static final int STEP = 3;
    private static final int BOX = 4;
    private static final int LABEL = 5;

    // Run(id, name, items[], steps[]) in db; Item(id, runId, sessionId?, title, run, session?) in docs;
    // Session(id, userId, items[]) in cache; Step(id, runId, run) in db; Box(a, b, labels[]) in db with
    // @@id([a, b]); Label(id, boxA?, boxB?, box?) in docs.
    private static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(DatasourceMeta.withUrl("db", 0, Provider.POSTGRESQL, "r2dbc:postgresql://h/app", PoolMeta.DEFAULTS),
                    DatasourceMeta.withUrl("docs", 1, Provider.MONGODB, "mongodb://h/app", PoolMeta.DEFAULTS),
                    DatasourceMeta.withUrl("cache", 2, Provider.REDIS, "redis://h", PoolMeta.DEFAULTS)),
            List.of(
                    new ModelMeta("Run", "Run", RUN, 0, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
                            FieldMeta.scalar("name", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.relation("items", "Item", Arity.LIST),
                            FieldMeta.relation("steps", "Step", Arity.LIST)),
                            KeyMeta.of(0), List.of(), List.of(
                                    new RelationMeta("RunToItem", 2, ITEM, true, new int[0], new int[0], null, null, 4, true),
                                    new RelationMeta("RunToStep", 3, STEP, true, new int[0], new int[0], null, null, 2, false)),
                            null, 0),
                    new ModelMeta("Item", "Item", ITEM, 1, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
                            FieldMeta.scalar("runId", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.scalar("sessionId", ScalarType.STRING, Arity.OPTIONAL),
                            FieldMeta.scalar("title", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.relation("run", "Run", Arity.REQUIRED),
                            FieldMeta.relation("session", "Session", Arity.OPTIONAL)),
                            KeyMeta.of(0), List.of(), List.of(
                                    new RelationMeta("RunToItem", 4, RUN, false, new int[] {1}, new int[] {0}, null, null, 2, true),
                                    new RelationMeta("SessionToItem", 5, SESSION, false, new int[] {2}, new int[] {0}, null,
                                            null, 2, true)),
                            null, 0),
                    new ModelMeta("Session", "Session", SESSION, 2, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
                            FieldMeta.scalar("userId", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.relation("items", "Item", Arity.LIST)),
                            KeyMeta.of(0), List.of(), List.of(
                                    new RelationMeta("SessionToItem", 2, ITEM, true, new int[0], new int[0], null, null, 5, true)),
                            null, 0),
                    new ModelMeta("Step", "Step", STEP, 0, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
                            FieldMeta.scalar("runId", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.relation("run", "Run", Arity.REQUIRED)),
                            KeyMeta.of(0), List.of(), List.of(
                                    new RelationMeta("RunToStep", 2, RUN, false, new int[] {1}, new int[] {0}, null, null, 3, false)),
                            null, 0),
                    new ModelMeta("Box", "Box", BOX, 0, List.of(
                            FieldMeta.scalar("a", ScalarType.INT, Arity.REQUIRED),
                            FieldMeta.scalar("b", ScalarType.INT, Arity.REQUIRED),
                            FieldMeta.relation("labels", "Label", Arity.LIST)),
                            KeyMeta.of(0, 1), List.of(), List.of(
                                    new RelationMeta("BoxToLabel", 2, LABEL, true, new int[0], new int[0], null, null, 3, true)),
                            null, 0),
                    new ModelMeta("Label", "Label", LABEL, 1, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
                            FieldMeta.scalar("boxA", ScalarType.INT, Arity.OPTIONAL),
                            FieldMeta.scalar("boxB", ScalarType.INT, Arity.OPTIONAL),
                            FieldMeta.relation("box", "Box", Arity.OPTIONAL)),
                            KeyMeta.of(0), List.of(), List.of(
                                    new RelationMeta("BoxToLabel", 3, BOX, false, new int[] {1, 2}, new int[] {0, 1}, null, null,
                                            2, true)),
                            null, 0)));

    /** The look-ups asked for, in order. */
    private final List<Operation.FindMany> lookups = new ArrayList<>();
    /** The rows each model's look-ups answer with (only their key fields matter). */
    private final Map<Integer, List<Row>> answers = new HashMap<>();

    private CrossDatasourceFilters filters(int limit) {
        return new CrossDatasourceFilters(SCHEMA, limit, lookup -> {
            lookups.add(lookup);
            return Flux.fromIterable(answers.getOrDefault(lookup.model(), List.of()));
        });
    }

    private Filter resolve(int model, Filter filter) {
        return filters(100).filter(model, filter).block();
    }

    private static Comparison eq(int field, Object value) {
        return new Comparison(field, Operator.EQUALS, value, Mode.DEFAULT);
    }

    private static Comparison in(int field, List<?> values) {
        return new Comparison(field, Operator.IN, values, Mode.DEFAULT);
    }

    private static Comparison notIn(int field, List<?> values) {
        return new Comparison(field, Operator.NOT_IN, values, Mode.DEFAULT);
    }

    private static Row itemWith(String runId, String sessionId) {
        return Row.of(null, runId, sessionId, null, null, null);
    }

    @Test
    void someOnAToManyRelationBecomesTheParentsKeyAmongTheDistinctKeysOneLookUpReads() {
        answers.put(ITEM, List.of(itemWith("r1", null), itemWith("r2", null), itemWith("r1", null)));

        Filter resolved = resolve(RUN, new Related(2, Quantifier.SOME, eq(3, "Intro")));

        assertThat(resolved).isEqualTo(in(0, List.of("r1", "r2")));
        assertThat(lookups).containsExactly(new Operation.FindMany(ITEM,
                new Query(eq(3, "Intro"), List.of(), 0, null, null, List.of(1), new Selection(List.of(1), List.of()))));
    }

    @Test
    void noneOnARequiredKeyBecomesNotIn() {
        answers.put(ITEM, List.of(itemWith("r1", null)));

        assertThat(resolve(RUN, new Related(2, Quantifier.NONE, eq(3, "Intro")))).isEqualTo(notIn(0, List.of("r1")));
    }

    @Test
    void everyLooksUpTheRelatedRecordsThatDoNotMatchAndKeepsParentsWithoutAny() {
        answers.put(ITEM, List.of(itemWith("r2", null)));

        Filter resolved = resolve(RUN, new Related(2, Quantifier.EVERY, eq(3, "Intro")));

        assertThat(resolved).isEqualTo(notIn(0, List.of("r2")));
        assertThat(lookups.get(0).query().where()).isEqualTo(new Filter.Not(eq(3, "Intro")));
    }

    @Test
    void withNoKeysFoundSomeMatchesNothingAndNoneOrEveryMatchEverything() {
        assertThat(resolve(RUN, new Related(2, Quantifier.SOME, eq(3, "x")))).isEqualTo(new Filter.Or(List.of()));
        assertThat(resolve(RUN, new Related(2, Quantifier.NONE, eq(3, "x")))).isEqualTo(Filter.ALL);
        assertThat(resolve(RUN, new Related(2, Quantifier.EVERY, eq(3, "x")))).isEqualTo(Filter.ALL);
        assertThat(lookups).hasSize(3);
    }

    @Test
    void isOnAnOptionalToOneReadsTheTargetsOwnKeyAndIsNotAlsoKeepsRecordsWithoutOne() {
        answers.put(SESSION, List.of(Row.of("s1", null, null), Row.of("s2", null, null)));

        Filter is = resolve(ITEM, new Related(5, Quantifier.IS, eq(1, "ada")));
        Filter isNot = resolve(ITEM, new Related(5, Quantifier.IS_NOT, eq(1, "ada")));

        assertThat(is).isEqualTo(in(2, List.of("s1", "s2")));
        assertThat(isNot).isEqualTo(new Filter.Or(List.of(new Filter.IsNull(2, true), notIn(2, List.of("s1", "s2")))));
        assertThat(lookups.get(0).query().selection().fields()).containsExactly(0);
    }

    @Test
    void relatedRecordsWithoutALinkKeyAreLeftOut() {
        answers.put(ITEM, List.of(itemWith("r1", null), itemWith("r1", "s1"), itemWith("r2", "s9")));

        assertThat(resolve(SESSION, new Related(2, Quantifier.SOME, Filter.ALL))).isEqualTo(in(0, List.of("s1", "s9")));
    }

    @Test
    void nestedConditionsAcrossDatasourcesResolveDepthFirst() {
        answers.put(SESSION, List.of(Row.of("s1", null, null)));
        answers.put(ITEM, List.of(itemWith("r7", "s1")));

        Filter resolved = resolve(RUN, new Related(2, Quantifier.SOME, new Related(5, Quantifier.IS, eq(1, "ada"))));

        assertThat(resolved).isEqualTo(in(0, List.of("r7")));
        assertThat(lookups).extracting(Operation::model).containsExactly(SESSION, ITEM);
        assertThat(lookups.get(1).query().where()).isEqualTo(in(2, List.of("s1")));
    }

    @Test
    void conditionsInsideAndOrNotAndSameDatasourceRelationsAreReplacedInPlace() {
        answers.put(ITEM, List.of(itemWith("r1", null)));
        Filter cross = new Related(2, Quantifier.SOME, eq(3, "Intro"));

        Filter resolved = resolve(STEP, new Filter.And(List.of(eq(0, "step-1"),
                new Filter.Or(List.of(new Filter.Not(new Related(2, Quantifier.IS, cross)), eq(1, "r9"))))));

        assertThat(resolved).isEqualTo(new Filter.And(List.of(eq(0, "step-1"),
                new Filter.Or(List.of(new Filter.Not(new Related(2, Quantifier.IS, in(0, List.of("r1")))), eq(1, "r9"))))));
    }

    @Test
    void aFilterWithoutRelationsAcrossDatasourcesIsHandedOnAsItIsWithoutALookUp() {
        Filter sameDatasource = new Related(3, Quantifier.SOME, eq(0, "step-1"));

        assertThat(resolve(RUN, sameDatasource)).isSameAs(sameDatasource);
        assertThat(filters(100).applies(new Operation.DeleteMany(RUN, sameDatasource))).isFalse();
        assertThat(lookups).isEmpty();
    }

    @Test
    void compoundKeysBecomeAnOrOfAndsAndTheirNegationKeepsKeysMissingAPart() {
        answers.put(BOX, List.of(Row.of(1, 2, null), Row.of(3, 4, null)));
        Filter match = new Filter.Or(List.of(new Filter.And(List.of(eq(1, 1), eq(2, 2))),
                new Filter.And(List.of(eq(1, 3), eq(2, 4)))));

        Filter is = resolve(LABEL, new Related(3, Quantifier.IS, Filter.ALL));
        Filter isNot = resolve(LABEL, new Related(3, Quantifier.IS_NOT, Filter.ALL));

        assertThat(is).isEqualTo(match);
        assertThat(isNot).isEqualTo(new Filter.Or(List.of(new Filter.IsNull(1, true), new Filter.IsNull(2, true),
                new Filter.Not(match))));
        assertThat(lookups.get(0).query().distinct()).containsExactly(0, 1);
    }

    @Test
    void moreKeysThanTheLimitFailNamingTheRelationTheNumberAndTheLimit() {
        answers.put(ITEM, List.of(itemWith("r1", null), itemWith("r2", null), itemWith("r3", null)));

        assertThatThrownBy(() -> filters(2).filter(RUN, new Related(2, Quantifier.SOME, Filter.ALL)).block())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("relation Run.items")
                .hasMessageContaining("found 3 link keys or more, over the limit of 2")
                .hasMessageContaining("crossDatasourceKeyLimit(...)");
    }

    @Test
    void everyOperationWithAWhereAndTheWheresOfIncludesAreResolved() {
        answers.put(ITEM, List.of(itemWith("r1", null)));
        Filter cross = new Related(2, Quantifier.SOME, Filter.ALL);
        Query included = new Query(new Related(2, Quantifier.IS, cross), List.of(), 0, null, null, List.of(),
                Selection.ALL);
        Operation findRuns = new Operation.FindMany(RUN, new Query(Filter.ALL, List.of(), 0, null, null, List.of(),
                new Selection(List.of(), List.of(new Selection.Include(3, included)))));
        CrossDatasourceFilters filters = filters(100);

        Operation deleted = filters.resolve(new Operation.DeleteMany(RUN, cross)).block();
        Operation found = filters.resolve(findRuns).block();

        assertThat(filters.applies(findRuns)).isTrue();
        assertThat(deleted).isEqualTo(new Operation.DeleteMany(RUN, in(0, List.of("r1"))));
        assertThat(((Operation.FindMany) found).query().selection().includes().get(0).query().where())
                .isEqualTo(new Related(2, Quantifier.IS, in(0, List.of("r1"))));
        assertThat(filters.applies(found)).isFalse();
    }

    @Test
    void aQuantifierOfTheOtherArityIsRefusedClearly() {
        assertThatThrownBy(() -> filters(100).filter(RUN, new Related(2, Quantifier.IS, Filter.ALL)).block())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Run.items uses IS, which belongs to to-one relations: use some, every or none");
    }
}
