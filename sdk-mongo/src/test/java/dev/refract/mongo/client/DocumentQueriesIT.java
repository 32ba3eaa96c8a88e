package dev.refract.mongo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.QueryFailedException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.json.Json;
import dev.refract.mongo.MongoAdapter;
import dev.refract.mongo.store.Address;
import dev.refract.mongo.store.Customer;
import dev.refract.mongo.store.Geo;
import dev.refract.mongo.store.Line;
import dev.refract.mongo.store.Order;
import dev.refract.mongo.store.RefractClient;
import dev.refract.mongo.store.Setting;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Comparison;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Filter.Quantifier;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.spi.Row;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What documents add to the model operations: conditions on embedded composite values, JSON paths,
 * field comparisons, relation counts and sorts, racing upserts, and stored values that do not fit.
 */
class DocumentQueriesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CUSTOMER = 0;
    private static final int ORDER = 1;
    private static final int NAME = 2;
    private static final int ADDRESS = 11;
    private static final int LINES = 2;

    private static StoreDatabase store;
    private static RefractClient db;
    private static MongoAdapter adapter;

    @BeforeAll
    static void start() {
        store = StoreDatabase.open("DocumentQueriesIT");
        db = store.client();
        adapter = store.adapter();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @BeforeEach
    void empty() {
        store.empty();
    }

    private static List<String> customerNames(Filter where) {
        Query query = new Query(where, List.of(), 0, null, null, List.of(), Selection.ALL);
        return adapter.stream(new Operation.FindMany(CUSTOMER, query)).map(row -> (String) row.get(NAME))
                .collectList().block(WAIT);
    }

    private static List<Integer> orderNumbers(Filter where) {
        Query query = new Query(where, List.of(), 0, null, null, List.of(), Selection.ALL);
        return adapter.stream(new Operation.FindMany(ORDER, query)).map(row -> (Integer) row.get(1))
                .collectList().block(WAIT);
    }

    @Test
    void embeddedCompositeValuesAreFilteredToAnyDepth() {
        db.customer().create(c -> c.email("z@x").name("Zurich").address(new Address("A 1", "Zurich",
                new Geo(47.4, 8.5)))).block(WAIT);
        db.customer().create(c -> c.email("b@x").name("Bern").address(new Address("B 2", "Bern",
                new Geo(46.9, 7.4)))).block(WAIT);
        db.customer().create(c -> c.email("n@x").name("Nowhere")).block(WAIT);

        Filter inZurich = new Comparison(1, Operator.EQUALS, "Zurich", Mode.DEFAULT);
        assertThat(customerNames(new Filter.Embedded(ADDRESS, Quantifier.IS, inZurich))).containsExactly("Zurich");
        assertThat(customerNames(new Filter.Embedded(ADDRESS, Quantifier.IS_NOT, inZurich)))
                .containsExactlyInAnyOrder("Bern", "Nowhere");
        Filter north = new Filter.Embedded(2, Quantifier.IS, new Comparison(0, Operator.GT, 47.0, Mode.DEFAULT));
        assertThat(customerNames(new Filter.Embedded(ADDRESS, Quantifier.IS, north))).containsExactly("Zurich");
        assertThat(customerNames(new Comparison(ADDRESS, Operator.EQUALS, Row.of("B 2", "Bern", Row.of(46.9, 7.4)),
                Mode.DEFAULT))).containsExactly("Bern");
        assertThat(customerNames(new Filter.IsNull(ADDRESS, true))).containsExactly("Nowhere");
    }

    @Test
    void listsOfCompositeValuesAreFilteredWithSomeEveryAndNone() {
        Customer ada = db.customer().create(c -> c.email("ada@x").name("Ada")).block(WAIT);
        order(ada, 1, List.of(new Line("a", 1, BigDecimal.ONE), new Line("b", 5, BigDecimal.ONE)));
        order(ada, 2, List.of(new Line("c", 5, BigDecimal.ONE)));
        order(ada, 3, List.of());

        Filter big = new Comparison(1, Operator.GTE, 5, Mode.DEFAULT);
        assertThat(orderNumbers(new Filter.Embedded(LINES, Quantifier.SOME, big))).containsExactlyInAnyOrder(1, 2);
        assertThat(orderNumbers(new Filter.Embedded(LINES, Quantifier.EVERY, big))).containsExactlyInAnyOrder(2, 3);
        assertThat(orderNumbers(new Filter.Embedded(LINES, Quantifier.NONE, big))).containsExactly(3);
        assertThat(orderNumbers(new Comparison(LINES, Operator.IS_EMPTY, null, Mode.DEFAULT))).containsExactly(3);
    }

    private static Order order(Customer customer, int number, List<Line> lines) {
        return db.order().create(o -> o.number_(number).total(BigDecimal.TEN).placedAt(Instant.now())
                .customerId(customer.id()).lines(lines)).block(WAIT);
    }

    @Test
    void jsonPathsAndFieldComparisonsMatchInsideDocuments() {
        db.customer().create(c -> c.email("a@x").name("a@x").profile(Json.of(Map.of("plan", Map.of("name", "gold"),
                "langs", List.of("en", "de"))))).block(WAIT);
        db.customer().create(c -> c.email("b@x").name("Bea").profile(Json.of(Map.of("plan", Map.of("name",
                "silver"))))).block(WAIT);

        assertThat(customerNames(new Filter.JsonPath(9, List.of("plan", "name"), Filter.JsonOperator.EQUALS,
                Json.of("gold")))).containsExactly("a@x");
        assertThat(customerNames(new Filter.JsonPath(9, List.of("plan", "name"), Filter.JsonOperator.STRING_STARTS_WITH,
                "sil"))).containsExactly("Bea");
        assertThat(customerNames(new Filter.JsonPath(9, List.of("langs"), Filter.JsonOperator.ARRAY_CONTAINS,
                Json.of("de")))).containsExactly("a@x");
        assertThat(customerNames(new Filter.JsonPath(9, List.of("langs"), Filter.JsonOperator.EQUALS, Json.of("de"))))
                .as("an array is not equal to one of its elements").isEmpty();
        assertThat(customerNames(new Filter.JsonPath(9, List.of("langs"), Filter.JsonOperator.EQUALS,
                Json.of(List.of("en", "de"))))).containsExactly("a@x");
        assertThat(customerNames(new Filter.FieldComparison(NAME, Operator.EQUALS, 1))).containsExactly("a@x");
    }

    @Test
    void notSkipsRecordsWithoutTheComparedValueAsSqlDoes() {
        db.customer().create(c -> c.email("s@x").name("Scored").score(1.0)).block(WAIT);
        db.customer().create(c -> c.email("h@x").name("High").score(5.0)).block(WAIT);
        db.customer().create(c -> c.email("u@x").name("Unscored")).block(WAIT);

        Filter low = new Comparison(5, Operator.LT, 2.0, Mode.DEFAULT);
        assertThat(customerNames(new Filter.Not(low))).containsExactly("High");
        assertThat(customerNames(new Filter.Not(new Filter.Not(low)))).containsExactly("Scored");
        assertThat(customerNames(new Filter.Not(new Filter.And(List.of(low, new Comparison(NAME, Operator.EQUALS,
                "Scored", Mode.DEFAULT)))))).containsExactlyInAnyOrder("High", "Unscored");
    }

    @Test
    void jsonKeysThatCannotBeDottedPathsAreReadLiterally() {
        Assumptions.assumeTrue(System.getenv("MONGODB_URL") != null,
                "the in-process server has no $getField, which reads such keys literally");
        db.customer().create(c -> c.email("d@x").name("Dotted").profile(Json.of(Map.of("a.b", 1, "a", Map.of("b", 2)))))
                .block(WAIT);

        assertThat(customerNames(new Filter.JsonPath(9, List.of("a.b"), Filter.JsonOperator.EQUALS, Json.of(1))))
                .containsExactly("Dotted");
        assertThat(customerNames(new Filter.JsonPath(9, List.of("a.b"), Filter.JsonOperator.EQUALS, Json.of(2))))
                .isEmpty();
    }

    @Test
    void relationCountsAndSortsByThemAndIncludesOfTheOwningSide() {
        Customer ada = db.customer().create(c -> c.email("ada@x").name("Ada")).block(WAIT);
        Customer bob = db.customer().create(c -> c.email("bob@x").name("Bob")).block(WAIT);
        order(ada, 1, List.of());
        order(bob, 2, List.of());
        order(bob, 3, List.of());

        List<Customer> counted = db.customer().findMany(q -> q.orderBy(o -> o.orders().count().desc())
                .include(i -> i.count(c -> c.orders()))).collectList().block(WAIT);
        assertThat(counted).extracting(Customer::name).containsExactly("Bob", "Ada");
        assertThat(counted.get(0).relationCounts().orders()).isEqualTo(2);

        List<Order> withCustomer = db.order().findMany(q -> q.orderBy(o -> o.number_().asc())
                .include(i -> i.customer())).collectList().block(WAIT);
        assertThat(withCustomer).extracting(order -> order.customer().get().name()).containsExactly("Ada", "Bob", "Bob");
        assertThat(bob.id()).isNotNull();
    }

    @Test
    void recordsAreSortedByWhatTwoRelationsAwayHolds() {
        Customer ada = db.customer().create(c -> c.email("ada@x").name("Ada")).block(WAIT);
        Customer bob = db.customer().create(c -> c.email("bob@x").name("Bob")).block(WAIT);
        order(ada, 1, List.of());
        order(bob, 2, List.of());
        order(bob, 3, List.of());

        List<Integer> byCustomerName = adapter.stream(new Operation.FindMany(ORDER, new Query(Filter.ALL, List.of(
                new dev.refract.query.OrderBy(new dev.refract.query.OrderBy.Key.RelatedField(List.of(5), NAME),
                        dev.refract.query.OrderBy.Direction.DESC, dev.refract.query.OrderBy.Nulls.DEFAULT),
                new dev.refract.query.OrderBy(1, dev.refract.query.OrderBy.Direction.ASC,
                        dev.refract.query.OrderBy.Nulls.DEFAULT)), 0, null, null, List.of(), Selection.ALL)))
                .map(row -> (Integer) row.get(1)).collectList().block(WAIT);
        assertThat(byCustomerName).containsExactly(2, 3, 1);

        List<Integer> bySiblings = adapter.stream(new Operation.FindMany(ORDER, new Query(Filter.ALL, List.of(
                new dev.refract.query.OrderBy(new dev.refract.query.OrderBy.Key.RelationCount(List.of(5, 12)),
                        dev.refract.query.OrderBy.Direction.ASC, dev.refract.query.OrderBy.Nulls.DEFAULT),
                new dev.refract.query.OrderBy(1, dev.refract.query.OrderBy.Direction.DESC,
                        dev.refract.query.OrderBy.Nulls.DEFAULT)), 0, null, null, List.of(), Selection.ALL)))
                .map(row -> (Integer) row.get(1)).collectList().block(WAIT);
        assertThat(bySiblings).as("orders by how many orders their customer has").containsExactly(1, 3, 2);
    }

    @Test
    void aFilteredRelationCountCountsOnlyTheMatchingRecords() {
        Customer bob = db.customer().create(c -> c.email("bob@x").name("Bob")).block(WAIT);
        order(bob, 2, List.of());
        order(bob, 3, List.of());

        Customer counted = db.customer().findFirst(q -> q.include(i -> i.count(c -> c.orders(w -> w.number_().gt(2)))))
                .block(WAIT);
        assertThat(counted.relationCounts().orders()).isEqualTo(1);
    }

    @Test
    void writesReturnTheirRecordsWithRelationCounts() {
        Customer bob = db.customer().create(c -> c.email("bob@x").name("Bob"), i -> i.count(c -> c.orders()))
                .block(WAIT);
        assertThat(bob.relationCounts().orders()).isZero();
        order(bob, 2, List.of());
        order(bob, 3, List.of());

        Customer renamed = db.customer().update(w -> w.id(bob.id()), u -> u.email("robert@x"),
                i -> i.count(c -> c.orders(w -> w.number_().gt(2)))).block(WAIT);
        assertThat(renamed.email()).isEqualTo("robert@x");
        assertThat(renamed.relationCounts().orders()).isEqualTo(1);
        Customer deleted = db.customer().delete(w -> w.id(bob.id()), i -> i.count(c -> c.orders())).block(WAIT);
        assertThat(deleted.relationCounts().orders()).isEqualTo(2);
    }

    @Test
    void racingUpsertsOfOneKeyCreateItOnceAndUpdateItTheRestOfTheTimes() {
        int racers = 20;
        List<Setting> results = Flux.range(0, racers).flatMap(i -> db.setting().upsert(w -> w.key("hits"),
                c -> c.key("hits").value("v"), u -> u.count_().increment(1)), racers).collectList().block(WAIT);

        assertThat(results).hasSize(racers);
        Setting stored = db.setting().findUnique(q -> q.where(w -> w.key("hits"))).block(WAIT);
        assertThat(stored.count()).isEqualTo(racers - 1);
    }

    @Test
    void divisionTruncatesWholeNumbersAsSqlDoes() {
        Assumptions.assumeTrue(System.getenv("MONGODB_URL") != null,
                "the in-process server runs no update pipelines ($set with $divide, $trunc)");
        db.setting().create(c -> c.key("k").value("v").count_(7)).block(WAIT);
        assertThat(db.setting().update(w -> w.key("k"), u -> u.count_().divide(2)).block(WAIT).count()).isEqualTo(3);
    }

    @Test
    void aStoredValueThatDoesNotFitItsFieldFailsNamingModelFieldAndId() {
        Mono.from(store.database().getCollection("Setting")
                .insertOne(new Document("_id", "bad").append("value", "v").append("count", "seven"))).block(WAIT);

        assertThatThrownBy(() -> db.setting().findMany().collectList().block(WAIT))
                .isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("Setting").hasMessageContaining("'count'").hasMessageContaining("bad");
    }

    @Test
    void aDuplicateIdOfAStringKeyIsAUniqueViolationOnThatField() {
        db.setting().create(c -> c.key("k").value("v")).block(WAIT);
        assertThatThrownBy(() -> db.setting().create(c -> c.key("k").value("w")).block(WAIT))
                .isInstanceOf(UniqueConstraintViolationException.class)
                .satisfies(e -> assertThat(((UniqueConstraintViolationException) e).fields()).containsExactly("key"));
    }
}
