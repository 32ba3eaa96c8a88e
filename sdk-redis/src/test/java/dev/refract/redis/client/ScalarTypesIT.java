package dev.refract.redis.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.keyvalue.db.Colour;
import com.example.keyvalue.db.Item;
import com.example.keyvalue.db.ItemAggregate;
import com.example.keyvalue.db.ItemCreate;
import com.example.keyvalue.db.ItemField;
import com.example.keyvalue.db.ItemGroup;
import com.example.keyvalue.db.ItemWhere;
import com.example.keyvalue.db.RefractClient;
import dev.refract.json.Json;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every scalar type stored and read back exactly, the filters of the generated where builders
 * evaluated on a scan, and aggregates and groups computed over it.
 */
@RefractTestDatabases
class ScalarTypesIT {

    private static final Instant AT = Instant.parse("2024-05-06T07:08:09.123456789Z");

    private static RefractClient client;

    @BeforeAll
    static void seed(RedisNamespace redis) {
        client = KeyValueDatabase.open(redis);
        client.item().createMany(List.of(
                item("a", true, 1, 10L, 1.5, "1.25", AT, Colour.RED, "{\"k\": 1, \"s\": \"one\"}", List.of("x", "y")),
                item("b", false, 2, 20L, 2.5, "2.50", AT.plusSeconds(60), Colour.GREEN, "{\"k\": [1, 2]}",
                        List.of("y")),
                item("c", true, 3, 30L, 3.5, "3.75", AT.plusSeconds(120), Colour.BLUE, "null", List.of()),
                new ItemCreate().label("Empty"))).block();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static ItemCreate item(String label, boolean flag, int count, long big, double ratio, String amount,
            Instant at, Colour colour, String doc, List<String> tags) {
        return new ItemCreate().label(label).flag(flag).count_(count).big(big).ratio(ratio)
                .amount(new BigDecimal(amount)).at(at).colour(colour).doc(Json.parse(doc))
                .blob(new byte[] {(byte) count, -1}).tags(tags).scores(List.of(count, count * 10));
    }

    private static List<String> labels(Consumer<ItemWhere> where) {
        return client.item().findMany(q -> q.where(where).orderBy(o -> o.label().asc())).map(Item::label)
                .collectList().block();
    }

    @Test
    void everyTypeComesBackAsItWasWritten() {
        Item a = client.item().findUnique(q -> q.where(w -> w.label("a"))).block();

        assertThat(a.flag()).isTrue();
        assertThat(a.count()).isEqualTo(1);
        assertThat(a.big()).isEqualTo(10L);
        assertThat(a.ratio()).isEqualTo(1.5);
        assertThat(a.amount()).isEqualTo(new BigDecimal("1.25"));
        assertThat(a.at()).isEqualTo(AT);
        assertThat(a.colour()).isEqualTo(Colour.RED);
        assertThat(a.status()).isEqualTo(Colour.GREEN);
        assertThat(a.doc()).isEqualTo(Json.parse("{\"s\": \"one\", \"k\": 1}"));
        assertThat(a.blob()).containsExactly(1, -1);
        assertThat(a.tags()).containsExactly("x", "y");
        assertThat(a.scores()).containsExactly(1, 10);
        Item b = client.item().findUnique(q -> q.where(w -> w.label("b"))).block();
        assertThat(b.amount()).isEqualTo(new BigDecimal("2.50"));
        Item c = client.item().findUnique(q -> q.where(w -> w.label("c"))).block();
        assertThat(c.doc()).isEqualTo(Json.parse("null"));
        assertThat(c.tags()).isEmpty();
    }

    @Test
    void aRecordWithNothingSetHoldsNullsAndItsDefaults() {
        Item empty = client.item().findUnique(q -> q.where(w -> w.label("Empty"))).block();

        assertThat(empty.flag()).isNull();
        assertThat(empty.amount()).isNull();
        assertThat(empty.doc()).isNull();
        assertThat(empty.colour()).isNull();
        assertThat(empty.status()).isEqualTo(Colour.GREEN);
        assertThat(empty.tags()).isEmpty();
    }

    @Test
    void filtersFindWhatSqlFinds() {
        assertThat(labels(w -> w.count_().gt(1))).containsExactly("b", "c");
        assertThat(labels(w -> w.count_().not(1))).containsExactly("b", "c");
        assertThat(labels(w -> w.count_().isNull())).containsExactly("Empty");
        assertThat(labels(w -> w.amount().eq(new BigDecimal("2.5")))).containsExactly("b");
        assertThat(labels(w -> w.at().gte(AT.plusSeconds(60)))).containsExactly("b", "c");
        assertThat(labels(w -> w.colour().in(Colour.RED, Colour.BLUE))).containsExactly("a", "c");
        assertThat(labels(w -> w.colour().notIn(Colour.RED))).containsExactly("b", "c");
        assertThat(labels(w -> w.label().insensitive().eq("EMPTY"))).containsExactly("Empty");
        assertThat(labels(w -> w.label().insensitive().startsWith("em"))).containsExactly("Empty");
        assertThat(labels(w -> w.tags().has("y"))).containsExactly("a", "b");
        assertThat(labels(w -> w.tags().isEmpty())).containsExactly("Empty", "c");
        assertThat(labels(w -> w.doc().eq(Json.parse("{\"k\":[1,2]}")))).containsExactly("b");
        assertThat(labels(w -> w.doc().path("s").eq(Json.of("one")))).containsExactly("a");
        assertThat(labels(w -> w.or(x -> x.count_().eq(1), x -> x.flag().eq(false)))).containsExactly("a", "b");
        assertThat(labels(w -> w.not(x -> x.flag().eq(true)))).containsExactly("b");
    }

    @Test
    void orderPagingCursorAndDistinctApplyAfterTheFilter() {
        assertThat(client.item().findMany(q -> q.orderBy(o -> o.count_().desc()).take(2)).map(Item::label)
                .collectList().block()).containsExactly("Empty", "c");
        assertThat(client.item().findMany(q -> q.orderBy(o -> o.count_().asc()).cursor(c -> c.label("b")))
                .map(Item::label).collectList().block()).containsExactly("b", "c", "Empty");
        assertThat(client.item().findMany(q -> q.orderBy(o -> o.label().asc()).distinct(ItemField.FLAG))
                .map(Item::label).collectList().block()).containsExactly("Empty", "a", "b");
        assertThat(client.item().findMany(q -> q.select(s -> s.label())).collectList().block())
                .hasSize(4).allSatisfy(item -> assertThat(item.count()).isNull());
    }

    @Test
    void aggregatesAndGroupsAreComputedOverTheScan() {
        ItemAggregate aggregate = client.item().aggregate(q -> q.count().sum(ItemField.COUNT, ItemField.AMOUNT)
                .avg(ItemField.RATIO).min(ItemField.AT).max(ItemField.BIG)).block();

        assertThat(aggregate.count()).isEqualTo(4);
        assertThat(aggregate.sum().count()).isEqualTo(6L);
        assertThat(aggregate.sum().amount()).isEqualByComparingTo("7.50");
        assertThat(aggregate.avg().ratio()).isEqualTo(2.5);
        assertThat(aggregate.min().at()).isEqualTo(AT);
        assertThat(aggregate.max().big()).isEqualTo(30L);

        List<ItemGroup> groups = client.item().groupBy(g -> g.by(ItemField.FLAG).count().sum(ItemField.COUNT)
                .orderBy(o -> o.flag().asc())).collectList().block();
        assertThat(groups).extracting(ItemGroup::flag).containsExactly(false, true, null);
        assertThat(groups).extracting(ItemGroup::count).containsExactly(1L, 2L, 1L);
        assertThat(client.item().groupBy(g -> g.by(ItemField.FLAG).count().having(h -> h.flag().isNotNull())
                .orderBy(o -> o.flag().desc())).map(ItemGroup::flag).collectList().block()).containsExactly(true, false);
        assertThat(groups.get(1).sum().count()).isEqualTo(4L);
    }
}
