package dev.refract.mongo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.json.Json;
import dev.refract.mongo.MongoAdapter;
import dev.refract.mongo.store.Address;
import dev.refract.mongo.store.Customer;
import dev.refract.mongo.store.CustomerCreate;
import dev.refract.mongo.store.Geo;
import dev.refract.mongo.store.Line;
import dev.refract.mongo.store.Order;
import dev.refract.mongo.store.RefractClient;
import dev.refract.mongo.store.RefractClientMetadata;
import dev.refract.mongo.store.Setting;
import dev.refract.mongo.store.Tier;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.spi.Row;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The generated client of the store schema on MongoDB: every operation, through the adapter. */
class StoreClientIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static StoreDatabase store;
    private static RefractClient db;
    private static MongoAdapter adapter;

    @BeforeAll
    static void start() {
        store = StoreDatabase.open("StoreClientIT");
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

    private static Customer customer(String email, String name, Tier tier) {
        return db.customer().create(c -> c.email(email).name(name).tier(tier)).block(WAIT);
    }

    @Test
    void createMakesAnObjectIdAndAppliesLiteralDefaultsAndReadsEveryTypeBack() {
        Instant born = Instant.parse("1990-05-01T10:15:30.123Z");
        Customer created = db.customer().create(c -> c.email("ada@example.com").name("Ada")
                .score(4.5).balance(new BigDecimal("1234.5600")).born(born).avatar(new byte[] {1, 2, 3})
                .profile(Json.of(Map.of("langs", List.of("en", "fr"), "age", 36)))
                .tags(List.of("vip", "early"))
                .address(new Address("Main St 1", "Zurich", new Geo(47.37, 8.54)))).block(WAIT);

        assertThat(created.id()).hasSize(24);
        assertThat(created.tier()).isEqualTo(Tier.FREE);
        assertThat(created.karma()).isZero();

        Customer read = db.customer().findUnique(q -> q.where(w -> w.id(created.id()))).block(WAIT);
        assertThat(read.balance()).isEqualByComparingTo("1234.56");
        assertThat(read.born()).isEqualTo(born);
        assertThat(read.avatar()).containsExactly(1, 2, 3);
        assertThat(read.profile()).isEqualTo(Json.of(Map.of("langs", List.of("en", "fr"), "age", 36)));
        assertThat(read.tags()).containsExactly("vip", "early");
        assertThat(read.address()).isEqualTo(new Address("Main St 1", "Zurich", new Geo(47.37, 8.54)));

        BsonDocument raw = Mono.from(store.database()
                .getCollection("Customer", BsonDocument.class).find().first()).block(WAIT);
        assertThat(raw.get("_id").getBsonType()).isEqualTo(BsonType.OBJECT_ID);
        assertThat(raw.get("profile").getBsonType()).isEqualTo(BsonType.DOCUMENT);
        assertThat(raw.getDocument("profile").get("age").getBsonType()).isEqualTo(BsonType.INT32);
        assertThat(raw.get("balance").getBsonType()).isEqualTo(BsonType.DECIMAL128);
        assertThat(raw.get("karma").getBsonType()).isEqualTo(BsonType.INT64);
        assertThat(raw.getString("tier").getValue()).isEqualTo("FREE");
        assertThat(raw.getDocument("address").getDocument("geo").getDouble("lat").getValue()).isEqualTo(47.37);
    }

    @Test
    void enumsAreStoredByTheirDatabaseNames() {
        customer("p@example.com", "Pro", Tier.PRO);

        BsonDocument raw = Mono.from(store.database()
                .getCollection("Customer", BsonDocument.class).find().first()).block(WAIT);
        assertThat(raw.getString("tier").getValue()).isEqualTo("pro");
        assertThat(db.customer().findMany(q -> q.where(w -> w.tier().eq(Tier.PRO))).collectList().block(WAIT))
                .extracting(Customer::name).containsExactly("Pro");
    }

    @Test
    void aDuplicateUniqueValueIsAUniqueConstraintViolationNamingTheField() {
        customer("same@example.com", "One", Tier.FREE);

        assertThatThrownBy(() -> customer("same@example.com", "Two", Tier.FREE))
                .isInstanceOf(UniqueConstraintViolationException.class)
                .satisfies(e -> assertThat(((UniqueConstraintViolationException) e).fields()).containsExactly("email"))
                .satisfies(e -> assertThat(((UniqueConstraintViolationException) e).model()).isEqualTo("Customer"));
    }

    @Test
    void createManySkipsOnlyDuplicatesWhenAskedAndReturnsWhatItCreated() {
        customer("a@example.com", "A", Tier.FREE);
        List<CustomerCreate> records = List.of(new CustomerCreate().email("a@example.com").name("A again"),
                new CustomerCreate().email("b@example.com").name("B"),
                new CustomerCreate().email("c@example.com").name("C"));

        assertThat(db.customer().createMany(records, true).block(WAIT)).isEqualTo(2);
        assertThatThrownBy(() -> db.customer().createMany(List.of(new CustomerCreate().email("b@example.com")
                .name("B again"))).block(WAIT)).isInstanceOf(UniqueConstraintViolationException.class);
        List<Customer> returned = db.customer().createManyAndReturn(List.of(
                new CustomerCreate().email("c@example.com").name("C again"),
                new CustomerCreate().email("d@example.com").name("D")), true).collectList().block(WAIT);
        assertThat(returned).extracting(Customer::name).containsExactly("D");
        assertThat(db.customer().count().block(WAIT)).isEqualTo(4);
    }

    @Test
    void filtersMatchAsInSql() {
        customer("ann@example.com", "Ann", Tier.FREE);
        customer("bob@example.com", "Bob.*", Tier.PRO);
        db.customer().create(c -> c.email("cy@example.com").name("Cy").score(3.0).tags(List.of("x", "y")))
                .block(WAIT);

        assertThat(names(w -> w.name().contains(".*"))).containsExactly("Bob.*");
        assertThat(names(w -> w.name().insensitive().startsWith("b"))).containsExactly("Bob.*");
        assertThat(names(w -> w.name().insensitive().eq("ANN"))).containsExactly("Ann");
        assertThat(names(w -> w.name().endsWith("*"))).containsExactly("Bob.*");
        assertThat(names(w -> w.tier().not(Tier.PRO))).containsExactlyInAnyOrder("Ann", "Cy");
        assertThat(names(w -> w.score().gt(2.0))).containsExactly("Cy");
        assertThat(names(w -> w.score().isNull())).containsExactlyInAnyOrder("Ann", "Bob.*");
        assertThat(names(w -> w.tags().has("y"))).containsExactly("Cy");
        assertThat(names(w -> w.name().in(List.of("Ann", "Cy")))).containsExactlyInAnyOrder("Ann", "Cy");
        assertThat(names(w -> w.name().eq("$gt"))).isEmpty();
    }

    private static List<String> names(java.util.function.Consumer<dev.refract.mongo.store.CustomerWhere> where) {
        return db.customer().findMany(q -> q.where(where)).map(Customer::name).collectList().block(WAIT);
    }

    @Test
    void orderSkipTakeCursorDistinctAndSelectionShapeTheRows() {
        for (String name : List.of("d", "b", "a", "c", "b")) {
            db.customer().create(c -> c.email(name + Math.random() + "@x").name(name)).block(WAIT);
        }
        assertThat(db.customer().findMany(q -> q.orderBy(o -> o.name().asc()).skip(1).take(3)).map(Customer::name)
                .collectList().block(WAIT)).containsExactly("b", "b", "c");
        assertThat(db.customer().findMany(q -> q.orderBy(o -> o.name().asc()).distinct(
                dev.refract.mongo.store.CustomerField.NAME)).map(Customer::name).collectList().block(WAIT))
                .containsExactly("a", "b", "c", "d");
        Customer c = db.customer().findFirst(q -> q.where(w -> w.name().eq("c"))).block(WAIT);
        assertThat(db.customer().findMany(q -> q.orderBy(o -> o.name().asc()).cursor(k -> k.id(c.id())))
                .map(Customer::name).collectList().block(WAIT)).containsExactly("c", "d");
        Customer selected = db.customer().findFirst(q -> q.where(w -> w.name().eq("a")).select(s -> s.name()))
                .block(WAIT);
        assertThat(selected.name()).isEqualTo("a");
        assertThat(selected.id()).isNull();
        assertThat(selected.email()).isNull();
    }

    @Test
    void updatesSetIncrementMultiplyAndFailOnAMissingRecord() {
        Customer ada = db.customer().create(c -> c.email("ada@x").name("Ada").karma(10L).score(3.0)).block(WAIT);

        Customer updated = db.customer().update(w -> w.id(ada.id()), u -> u.name("Ada L").karma().increment(5L)
                .score().multiply(2.0)).block(WAIT);
        assertThat(updated.name()).isEqualTo("Ada L");
        assertThat(updated.karma()).isEqualTo(15L);
        assertThat(updated.score()).isEqualTo(6.0);
        assertThat(db.customer().updateMany(w -> w.name().startsWith("Ada"), u -> u.karma().decrement(1L)).block(WAIT))
                .isEqualTo(1);
        assertThat(db.customer().updateManyAndReturn(w -> w.name().startsWith("Ada"), u -> u.tier(Tier.PRO))
                .collectList().block(WAIT)).extracting(Customer::tier).containsExactly(Tier.PRO);
        assertThatThrownBy(() -> db.customer().update(w -> w.id("000000000000000000000000"), u -> u.name("x"))
                .block(WAIT)).isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void upsertCreatesThenUpdatesAndDeleteReturnsTheRecord() {
        Setting first = db.setting().upsert(w -> w.key("theme"), c -> c.key("theme").value("dark"),
                u -> u.count_().increment(1)).block(WAIT);
        assertThat(first.value()).isEqualTo("dark");
        assertThat(first.count()).isZero();
        Setting second = db.setting().upsert(w -> w.key("theme"), c -> c.key("theme").value("dark"),
                u -> u.count_().increment(1)).block(WAIT);
        assertThat(second.count()).isEqualTo(1);

        assertThat(db.setting().delete(w -> w.key("theme")).block(WAIT).key()).isEqualTo("theme");
        assertThat(db.setting().count().block(WAIT)).isZero();
        assertThatThrownBy(() -> db.setting().delete(w -> w.key("theme")).block(WAIT))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void aJsonNullIsAValueWhileAJsonFieldWithoutOneHasNoKey() {
        Json jsonNull = Json.parse("null");
        db.customer().create(c -> c.email("null@x").name("Null").profile(jsonNull)).block(WAIT);
        db.customer().create(c -> c.email("none@x").name("None")).block(WAIT);
        db.customer().create(c -> c.email("one@x").name("One").profile(Json.of(1))).block(WAIT);

        assertThat(db.customer().findUniqueOrThrow(q -> q.where(w -> w.email("null@x"))).block(WAIT).profile())
                .isEqualTo(jsonNull);
        assertThat(db.customer().findUniqueOrThrow(q -> q.where(w -> w.email("none@x"))).block(WAIT).profile()).isNull();
        assertThat(names(w -> w.profile().isNull())).containsExactly("None");
        assertThat(names(w -> w.profile().isNotNull())).containsExactlyInAnyOrder("Null", "One");
        assertThat(names(w -> w.profile().eq(jsonNull))).containsExactly("Null");
        assertThat(names(w -> w.profile().not(Json.of(1)))).containsExactly("Null");
        assertThat(names(w -> w.profile().notIn(List.of(Json.of(1))))).containsExactly("Null");
        assertThat(names(w -> w.profile().in(List.of(Json.of(1))))).containsExactly("One");
        assertThat(db.customer().countFields(q -> { }, dev.refract.mongo.store.CustomerField.PROFILE).block(WAIT)
                .profile()).as("the JSON null counts, as in SQL").isEqualTo(2L);

        db.customer().update(w -> w.email("null@x"), d -> d.profile(null)).block(WAIT);
        BsonDocument raw = Mono.from(store.database().getCollection("Customer", BsonDocument.class)
                .find(new BsonDocument("email", new org.bson.BsonString("null@x"))).first()).block(WAIT);
        assertThat(raw).doesNotContainKey("profile");
        assertThat(names(w -> w.profile().isNull())).containsExactlyInAnyOrder("None", "Null");
    }

    @Test
    void updateManyAndDeleteManySelectThroughRelationFilters() {
        Customer ada = customer("ada@x", "Ada", Tier.FREE);
        customer("bob@x", "Bob", Tier.FREE);
        db.order().create(o -> o.number_(7).total(BigDecimal.TEN).placedAt(Instant.now()).customerId(ada.id())
                .lines(List.of())).block(WAIT);

        assertThat(db.customer().updateMany(w -> w.orders().some(o -> o.number_().gt(5)), d -> d.tier(Tier.PRO))
                .block(WAIT)).isEqualTo(1L);
        assertThat(names(w -> w.tier().eq(Tier.PRO))).containsExactly("Ada");
        assertThat(db.customer().deleteMany(w -> w.orders().none(o -> o.number_().gt(0))).block(WAIT)).isEqualTo(1L);
        assertThat(names(w -> { })).containsExactly("Ada");
        assertThat(db.customer().deleteMany(w -> w.orders().some(o -> o.number_().gt(100))).block(WAIT)).isZero();
    }

    @Test
    void relationsByReferenceAreIncludedCountedAndFiltered() {
        Customer ada = customer("ada@x", "Ada", Tier.FREE);
        Customer bob = customer("bob@x", "Bob", Tier.FREE);
        for (int i = 1; i <= 3; i++) {
            int number = i;
            db.order().create(o -> o.number_(number).total(new BigDecimal(number * 10)).placedAt(Instant.now())
                    .customerId(ada.id()).lines(List.of(new Line("sku-" + number, number, new BigDecimal("9.99")))))
                    .block(WAIT);
        }

        List<Customer> withOrders = db.customer().findMany(q -> q.orderBy(o -> o.name().asc())
                .include(i -> i.orders(o -> o.orderBy(b -> b.number_().desc()).take(2)))).collectList().block(WAIT);
        assertThat(withOrders.get(0).orders().get()).extracting(Order::number).containsExactly(3, 2);
        assertThat(withOrders.get(1).orders().get()).isEmpty();
        assertThat(withOrders.get(0).orders().get().get(0).lines()).containsExactly(new Line("sku-3", 3,
                new BigDecimal("9.99")));

        assertThat(names(w -> w.orders().some(o -> o.number_().gt(2)))).containsExactly("Ada");
        assertThat(names(w -> w.orders().none(o -> o.number_().gt(0)))).containsExactly("Bob");
        assertThat(db.order().findMany(q -> q.where(w -> w.customer().is(c -> c.name().eq("Ada")))).count().block(WAIT))
                .isEqualTo(3);
        assertThat(db.order().findMany(q -> q.where(w -> w.customer().is(c -> c.orders().some(o -> o.number_().eq(1)))))
                .count().block(WAIT)).as("orders of customers with an order number 1").isEqualTo(3);
        assertThat(names(w -> w.orders().every(o -> o.number_().gt(1)))).containsExactly("Bob");
        assertThat(bob.id()).isNotEqualTo(ada.id());
    }

    @Test
    void aggregateAndGroupByComputeOverTheDocuments() {
        Customer ada = customer("ada@x", "Ada", Tier.FREE);
        for (int i = 1; i <= 4; i++) {
            int number = i;
            db.order().create(o -> o.number_(number % 2).total(new BigDecimal(number)).placedAt(Instant.now())
                    .customerId(ada.id()).lines(List.of())).block(WAIT);
        }
        var aggregate = db.order().aggregate(a -> a.count().sum(dev.refract.mongo.store.OrderField.TOTAL)
                .max(dev.refract.mongo.store.OrderField.NUMBER)).block(WAIT);
        assertThat(aggregate.count()).isEqualTo(4);
        assertThat(aggregate.sum().total()).isEqualByComparingTo("10");
        assertThat(aggregate.max().number()).isEqualTo(1);

        var groups = db.order().groupBy(g -> g.by(dev.refract.mongo.store.OrderField.NUMBER).count()
                .sum(dev.refract.mongo.store.OrderField.TOTAL)).collectList().block(WAIT);
        assertThat(groups).hasSize(2);
    }

    @Test
    void groupByFiltersWithHavingSortsByAnAggregateAndPages() {
        Customer ada = customer("ada@x", "Ada", Tier.FREE);
        int[] numbers = {1, 1, 1, 2, 2, 3};
        for (int i = 0; i < numbers.length; i++) {
            int number = numbers[i];
            BigDecimal total = new BigDecimal(i + 1);
            db.order().create(o -> o.number_(number).total(total).placedAt(Instant.ofEpochSecond(1_000 + number))
                    .customerId(ada.id()).lines(List.of())).block(WAIT);
        }
        int fields = RefractClientMetadata.ORDER.fieldCount();
        Aggregations computed = new Aggregations(true, List.of(3), List.of(3), List.of(4), List.of());
        Filter having = new Filter.Comparison(Aggregations.countIndex(fields), Filter.Operator.GTE, 2L,
                Filter.Mode.DEFAULT);
        OrderBy bySum = new OrderBy(new OrderBy.Key.Aggregate(Aggregations.Function.SUM, 3), OrderBy.Direction.DESC,
                OrderBy.Nulls.DEFAULT);
        List<Row> rows = adapter.execute(new Operation.GroupBy(1, List.of(1), Filter.ALL, having, List.of(bySum), 0, 5,
                computed)).block(WAIT).rows();

        assertThat(rows).extracting(row -> row.get(1)).containsExactly(2, 1);
        Row two = rows.get(0);
        assertThat(two.get(Aggregations.countIndex(fields))).isEqualTo(2L);
        assertThat((BigDecimal) two.get(Aggregations.index(Aggregations.Function.SUM, 3, fields, fields)))
                .isEqualByComparingTo("9");
        assertThat((BigDecimal) two.get(Aggregations.index(Aggregations.Function.AVG, 3, fields, fields)))
                .isEqualByComparingTo("4.5");
        assertThat(two.get(Aggregations.index(Aggregations.Function.MIN, 4, fields, fields)))
                .isEqualTo(Instant.ofEpochSecond(1_002));
        assertThat(adapter.execute(new Operation.GroupBy(1, List.of(1), Filter.ALL, Filter.ALL, List.of(bySum), 1, 1,
                computed)).block(WAIT).rows()).extracting(row -> row.get(1)).containsExactly(1);
        Row none = adapter.execute(new Operation.Aggregate(1, new Query(new Filter.Comparison(1, Filter.Operator.GT,
                99, Filter.Mode.DEFAULT), List.of(), 0, null, null, List.of(), Selection.ALL), computed)).block(WAIT)
                .rows().get(0);
        assertThat(none.get(Aggregations.countIndex(0))).isEqualTo(0L);
        assertThat(none.get(Aggregations.index(Aggregations.Function.SUM, 3, 0, fields))).isNull();
    }

    @Test
    void aTransactionOrANestedWriteOnAStandaloneServerSaysMongoDbNeedsAReplicaSet() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("MONGODB_URL") == null,
                "the server of MONGODB_URL may be a replica set, which runs transactions");
        assertThatThrownBy(() -> db.transaction(tx -> tx.setting().create(c -> c.key("k").value("v"))).blockLast(WAIT))
                .isInstanceOf(dev.refract.error.TransactionsUnsupportedException.class)
                .hasMessageContaining("replica set").hasMessageContaining("rs.initiate()");
        assertThatThrownBy(() -> db.customer().create(c -> c.email("n@x").name("Nested").orders(o -> o.create(
                order -> order.number_(1).total(BigDecimal.ONE).placedAt(Instant.now()).lines(List.of())))).block(WAIT))
                .isInstanceOf(dev.refract.error.TransactionsUnsupportedException.class);
        assertThat(db.setting().count().block(WAIT)).isZero();
        assertThat(db.customer().count().block(WAIT)).isZero();
    }

    @Test
    void streamsHonourBackpressure() {
        Flux.range(0, 50).concatMap(i -> db.setting().create(c -> c.key("k" + i).value("v"))).blockLast(WAIT);
        assertThat(db.setting().findMany().limitRate(7).count().block(WAIT)).isEqualTo(50);
    }
}
