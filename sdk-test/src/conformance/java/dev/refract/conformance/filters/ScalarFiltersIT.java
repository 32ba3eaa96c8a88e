package dev.refract.conformance.filters;

import static dev.refract.conformance.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.conformance.Ability;
import dev.refract.conformance.Conformance;
import dev.refract.conformance.ConformanceContext;
import dev.refract.conformance.Items;
import dev.refract.conformance.client.ItemWhere;
import dev.refract.conformance.client.RefractClient;
import dev.refract.conformance.client.Tier;
import dev.refract.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every condition on every scalar type, each over the same five items, which no test changes:
 * equality, lists of values, ranges, substrings, case-insensitive matching, missing values.
 */
@Conformance
class ScalarFiltersIT {

    private final ConformanceContext context;
    private final RefractClient db;

    ScalarFiltersIT(ConformanceContext context) {
        this.context = context;
        this.db = context.client();
    }

    @BeforeAll
    static void arrange(ConformanceContext context) {
        context.clear();
        Items.create(context.client(),
                item("a").name("Apple pie").flag(true).quantity(1).big(-5_000_000_000L).ratio(-1.5)
                        .amount(new BigDecimal("0.10")).at(Items.NOON.minusSeconds(60)).tier(Tier.BASIC)
                        .doc(Json.of(Map.of("size", 1))).blob(bytes("one"))
                        .note("first").rank(10).weight(0.5).due(Items.NOON).level(Tier.PLUS),
                item("b").name("banana split").flag(false).quantity(2).big(0L).ratio(0.0)
                        .amount(new BigDecimal("2.50")).at(Items.NOON).tier(Tier.PLUS)
                        .doc(Json.of(Map.of("size", 2))).blob(bytes("two"))
                        .note("second").rank(2),
                item("c").name("Cherry tart").flag(true).quantity(3).big(7L).ratio(2.25)
                        .amount(new BigDecimal("2.51")).at(Items.NOON.plusSeconds(60)).tier(Tier.PLUS)
                        .doc(Json.of(List.of("x", "y"))).blob(bytes("three"))
                        .rank(4).weight(3.0),
                item("d").name("APPLE CRUMBLE").flag(false).quantity(4).big(5_000_000_000L).ratio(10.0)
                        .amount(new BigDecimal("100")).at(Items.NOON.plusSeconds(3600)).tier(Tier.PREMIUM)
                        .doc(Json.of(Map.of("size", 1, "extra", true))).blob(bytes("four"))
                        .note("FIRST").level(Tier.BASIC),
                item("e").name("elderberry").flag(false).quantity(5).big(8L).ratio(3.5)
                        .amount(new BigDecimal("-3")).at(Items.NOON.plusSeconds(7200)).tier(Tier.BASIC)
                        .doc(Json.of("text")).blob(bytes("")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> matching(Consumer<ItemWhere> where) {
        return Items.codes(db.item().findMany(q -> q.where(where).orderBy(o -> o.code().asc())).collectList()
                .block(ConformanceContext.WAIT));
    }

    @Test
    void stringEqualityNegationAndListsOfValues() {
        assertThat(matching(w -> w.name().eq("Cherry tart"))).containsExactly("c");
        assertThat(matching(w -> w.name().not("Cherry tart"))).containsExactly("a", "b", "d", "e");
        assertThat(matching(w -> w.name().in("Cherry tart", "elderberry", "none"))).containsExactly("c", "e");
        assertThat(matching(w -> w.name().notIn("Cherry tart", "elderberry"))).containsExactly("a", "b", "d");
        assertThat(matching(w -> w.name().in(List.of()))).isEmpty();
        assertThat(matching(w -> w.name().notIn(List.of()))).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void substringConditionsMatchTheTextWhereverItStands() {
        // Whether the default mode also ignores case is the store's collation (MySQL's usual ones
        // do, PostgreSQL and MongoDB do not); the kit asserts what holds in every store.
        assertThat(matching(w -> w.name().eq("Cherry tart"))).containsExactly("c");
        assertThat(matching(w -> w.name().contains("pie"))).containsExactly("a");
        assertThat(matching(w -> w.name().contains("an"))).containsExactly("b");
        assertThat(matching(w -> w.name().startsWith("Apple p"))).containsExactly("a");
        assertThat(matching(w -> w.name().startsWith("pple"))).isEmpty();
        assertThat(matching(w -> w.name().endsWith("split"))).containsExactly("b");
        assertThat(matching(w -> w.name().endsWith("spli"))).isEmpty();
        assertThat(matching(w -> w.name().contains("berry tart"))).isEmpty();
    }

    @Test
    void stringRangesCompareText() {
        assertThat(matching(w -> w.code().lt("b"))).containsExactly("a");
        assertThat(matching(w -> w.code().lte("b"))).containsExactly("a", "b");
        assertThat(matching(w -> w.code().gt("d"))).containsExactly("e");
        assertThat(matching(w -> w.code().gte("d"))).containsExactly("d", "e");
    }

    @Test
    void insensitiveModeIgnoresCaseInEqualityAndSubstrings() {
        context.require(Ability.INSENSITIVE_MODE);
        assertThat(matching(w -> w.name().insensitive().eq("cherry TART"))).containsExactly("c");
        assertThat(matching(w -> w.name().insensitive().contains("apple"))).containsExactly("a", "d");
        assertThat(matching(w -> w.name().insensitive().startsWith("BANANA"))).containsExactly("b");
        assertThat(matching(w -> w.name().insensitive().endsWith("Crumble"))).containsExactly("d");
        assertThat(matching(w -> w.name().insensitive().in("ELDERBERRY", "apple PIE"))).containsExactly("a", "e");
        assertThat(matching(w -> w.note().insensitive().eq("first"))).containsExactly("a", "d");
    }

    @Test
    void intConditions() {
        assertThat(matching(w -> w.quantity().eq(3))).containsExactly("c");
        assertThat(matching(w -> w.quantity().not(3))).containsExactly("a", "b", "d", "e");
        assertThat(matching(w -> w.quantity().in(1, 5))).containsExactly("a", "e");
        assertThat(matching(w -> w.quantity().notIn(1, 5))).containsExactly("b", "c", "d");
        assertThat(matching(w -> w.quantity().lt(2))).containsExactly("a");
        assertThat(matching(w -> w.quantity().lte(2))).containsExactly("a", "b");
        assertThat(matching(w -> w.quantity().gt(4))).containsExactly("e");
        assertThat(matching(w -> w.quantity().gte(4))).containsExactly("d", "e");
        assertThat(matching(w -> w.quantity().gt(1).quantity().lt(4))).containsExactly("b", "c");
    }

    @Test
    void bigIntConditionsBeyondTheRangeOfInt() {
        assertThat(matching(w -> w.big().eq(5_000_000_000L))).containsExactly("d");
        assertThat(matching(w -> w.big().lt(-4_000_000_000L))).containsExactly("a");
        assertThat(matching(w -> w.big().gte(7L))).containsExactly("c", "d", "e");
        assertThat(matching(w -> w.big().in(0L, 8L))).containsExactly("b", "e");
        assertThat(matching(w -> w.big().not(0L))).containsExactly("a", "c", "d", "e");
    }

    @Test
    void floatConditions() {
        assertThat(matching(w -> w.ratio().eq(2.25))).containsExactly("c");
        assertThat(matching(w -> w.ratio().lt(0.0))).containsExactly("a");
        assertThat(matching(w -> w.ratio().lte(0.0))).containsExactly("a", "b");
        assertThat(matching(w -> w.ratio().gt(3.0))).containsExactly("d", "e");
        assertThat(matching(w -> w.ratio().gte(3.5))).containsExactly("d", "e");
        assertThat(matching(w -> w.ratio().notIn(-1.5, 10.0))).containsExactly("b", "c", "e");
    }

    @Test
    void decimalConditionsCompareExactly() {
        assertThat(matching(w -> w.amount().eq(new BigDecimal("2.5")))).containsExactly("b");
        assertThat(matching(w -> w.amount().gt(new BigDecimal("2.50")))).containsExactly("c", "d");
        assertThat(matching(w -> w.amount().lt(new BigDecimal("0.1")))).containsExactly("e");
        assertThat(matching(w -> w.amount().lte(new BigDecimal("0.1")))).containsExactly("a", "e");
        assertThat(matching(w -> w.amount().gte(new BigDecimal("100.000")))).containsExactly("d");
        assertThat(matching(w -> w.amount().in(new BigDecimal("2.51"), new BigDecimal("-3.0")))).containsExactly("c", "e");
        assertThat(matching(w -> w.amount().not(new BigDecimal("2.5")))).containsExactly("a", "c", "d", "e");
    }

    @Test
    void dateTimeConditions() {
        assertThat(matching(w -> w.at().eq(Items.NOON))).containsExactly("b");
        assertThat(matching(w -> w.at().lt(Items.NOON))).containsExactly("a");
        assertThat(matching(w -> w.at().lte(Items.NOON))).containsExactly("a", "b");
        assertThat(matching(w -> w.at().gt(Items.NOON.plusSeconds(60)))).containsExactly("d", "e");
        assertThat(matching(w -> w.at().gte(Items.NOON.plusSeconds(60)).at().lt(Items.NOON.plusSeconds(7200))))
                .containsExactly("c", "d");
        assertThat(matching(w -> w.at().in(Items.NOON, Items.NOON.plusSeconds(7200)))).containsExactly("b", "e");
        assertThat(matching(w -> w.at().not(Items.NOON))).containsExactly("a", "c", "d", "e");
    }

    @Test
    void booleanConditions() {
        assertThat(matching(w -> w.flag().eq(true))).containsExactly("a", "c");
        assertThat(matching(w -> w.flag().not(true))).containsExactly("b", "d", "e");
        assertThat(matching(w -> w.flag().eq(false))).containsExactly("b", "d", "e");
    }

    @Test
    void enumConditions() {
        assertThat(matching(w -> w.tier().eq(Tier.PLUS))).containsExactly("b", "c");
        assertThat(matching(w -> w.tier().not(Tier.PLUS))).containsExactly("a", "d", "e");
        assertThat(matching(w -> w.tier().in(Tier.PREMIUM, Tier.PLUS))).containsExactly("b", "c", "d");
        assertThat(matching(w -> w.tier().notIn(Tier.BASIC))).containsExactly("b", "c", "d");
    }

    @Test
    void jsonEqualityComparesWholeValues() {
        assertThat(matching(w -> w.doc().eq(Json.of(Map.of("size", 1))))).containsExactly("a");
        assertThat(matching(w -> w.doc().eq(Json.of(List.of("x", "y"))))).containsExactly("c");
        assertThat(matching(w -> w.doc().eq(Json.of("text")))).containsExactly("e");
        assertThat(matching(w -> w.doc().eq(Json.of(List.of("y", "x"))))).isEmpty();
        assertThat(matching(w -> w.doc().not(Json.of(Map.of("size", 1))))).containsExactly("b", "c", "d", "e");
    }

    @Test
    void bytesEqualityComparesEveryByte() {
        assertThat(matching(w -> w.blob().eq(bytes("two")))).containsExactly("b");
        assertThat(matching(w -> w.blob().eq(bytes("tw")))).isEmpty();
        assertThat(matching(w -> w.blob().eq(new byte[0]))).containsExactly("e");
        assertThat(matching(w -> w.blob().not(bytes("two")))).containsExactly("a", "c", "d", "e");
    }

    @Test
    void isNullAndIsNotNullOnEveryOptionalType() {
        assertThat(matching(w -> w.note().isNull())).containsExactly("c", "e");
        assertThat(matching(w -> w.note().isNotNull())).containsExactly("a", "b", "d");
        assertThat(matching(w -> w.rank().isNull())).containsExactly("d", "e");
        assertThat(matching(w -> w.weight().isNotNull())).containsExactly("a", "c");
        assertThat(matching(w -> w.due().isNull())).containsExactly("b", "c", "d", "e");
        assertThat(matching(w -> w.level().isNotNull())).containsExactly("a", "d");
    }

    @Test
    void conditionsOnOptionalFieldsMatchOnlyRecordsWithAValue() {
        assertThat(matching(w -> w.rank().gt(2))).containsExactly("a", "c");
        assertThat(matching(w -> w.rank().lte(4))).containsExactly("b", "c");
        assertThat(matching(w -> w.note().startsWith("s"))).containsExactly("b");
        assertThat(matching(w -> w.weight().lt(1.0))).containsExactly("a");
        assertThat(matching(w -> w.due().eq(Items.NOON))).containsExactly("a");
        assertThat(matching(w -> w.level().eq(Tier.BASIC))).containsExactly("d");
        assertThat(matching(w -> w.rank().in(2, 10))).containsExactly("a", "b");
    }

    @Test
    void andOrAndNotCombineConditions() {
        assertThat(matching(w -> w.and(a -> a.flag().eq(false), b -> b.quantity().gt(2)))).containsExactly("d", "e");
        assertThat(matching(w -> w.or(a -> a.code().eq("a"), b -> b.tier().eq(Tier.PREMIUM))))
                .containsExactly("a", "d");
        assertThat(matching(w -> w.not(n -> n.tier().eq(Tier.BASIC)))).containsExactly("b", "c", "d");
        assertThat(matching(w -> w.tier().eq(Tier.BASIC).not(n -> n.or(a -> a.code().eq("a"), b -> b.quantity().gt(100)))))
                .containsExactly("e");
        assertThat(matching(w -> w.or(a -> a.and(x -> x.flag().eq(true), y -> y.ratio().gt(0.0)),
                b -> b.amount().lt(BigDecimal.ZERO)))).containsExactly("c", "e");
        assertThat(matching(w -> w.not(n -> n.note().isNull()))).containsExactly("a", "b", "d");
    }

    @Test
    void fieldsCompareWithOtherFieldsOfTheSameRecord() {
        assertThat(matching(w -> w.quantity().lt(ItemWhere.RANK))).containsExactly("a", "c");
        assertThat(matching(w -> w.quantity().eq(ItemWhere.RANK))).containsExactly("b");
        assertThat(matching(w -> w.quantity().gte(ItemWhere.RANK))).containsExactly("b");
        assertThat(matching(w -> w.ratio().gt(ItemWhere.WEIGHT))).isEmpty();
        assertThat(matching(w -> w.ratio().lte(ItemWhere.WEIGHT))).containsExactly("a", "c");
        assertThat(matching(w -> w.at().lt(ItemWhere.DUE))).containsExactly("a");
        assertThat(matching(w -> w.tier().not(ItemWhere.LEVEL))).containsExactly("a", "d");
        assertThat(matching(w -> w.code().eq(ItemWhere.NAME))).isEmpty();
    }
}
