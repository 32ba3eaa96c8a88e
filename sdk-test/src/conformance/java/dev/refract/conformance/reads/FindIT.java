package dev.refract.conformance.reads;

import static dev.refract.conformance.Items.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.conformance.Ability;
import dev.refract.conformance.Conformance;
import dev.refract.conformance.ConformanceContext;
import dev.refract.conformance.Items;
import dev.refract.conformance.client.Item;
import dev.refract.conformance.client.ItemField;
import dev.refract.conformance.client.ItemFindMany;
import dev.refract.conformance.client.RefractClient;
import dev.refract.conformance.client.Tier;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Creating records and reading them back by key, first match and many, in order, paged, and in part. */
@Conformance
class FindIT {

    private final ConformanceContext context;
    private final RefractClient db;

    FindIT(ConformanceContext context) {
        this.context = context;
        this.db = context.client();
    }

    @BeforeEach
    void clear() {
        context.clear();
    }

    private List<String> codes(Consumer<ItemFindMany> query) {
        return Items.codes(db.item().findMany(query).collectList().block(ConformanceContext.WAIT));
    }

    @Test
    void createReturnsTheRecordAsStoredWithAnIdTheStoreGaveIt() {
        Instant at = Instant.parse("2026-05-04T03:02:01.123Z");
        Item created = db.item().create(c -> c.code("a").name("Alpha").flag(true).quantity(7).big(9_000_000_000L)
                .ratio(2.5).amount(new BigDecimal("12.3400")).at(at).doc(Json.of(Map.of("k", List.of(1, 2))))
                .blob(new byte[] {0, 1, (byte) 0xFF}).tier(Tier.PLUS).note("n").rank(3).weight(0.5).due(at)
                .level(Tier.PREMIUM)).block(ConformanceContext.WAIT);

        assertThat(created.id()).isNotBlank();
        assertThat(created.code()).isEqualTo("a");
        assertThat(created.name()).isEqualTo("Alpha");
        assertThat(created.flag()).isTrue();
        assertThat(created.quantity()).isEqualTo(7);
        assertThat(created.big()).isEqualTo(9_000_000_000L);
        assertThat(created.ratio()).isEqualTo(2.5);
        assertThat(created.amount()).isEqualByComparingTo("12.34");
        assertThat(created.at()).isEqualTo(at);
        assertThat(created.doc()).isEqualTo(Json.of(Map.of("k", List.of(1, 2))));
        assertThat(created.blob()).containsExactly(0, 1, 0xFF);
        assertThat(created.tier()).isEqualTo(Tier.PLUS);
        assertThat(created.note()).isEqualTo("n");
        assertThat(created.rank()).isEqualTo(3);
        assertThat(created.weight()).isEqualTo(0.5);
        assertThat(created.due()).isEqualTo(at);
        assertThat(created.level()).isEqualTo(Tier.PREMIUM);

        Item read = db.item().findUnique(q -> q.where(w -> w.id(created.id()))).block(ConformanceContext.WAIT);
        assertThat(read).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .withEqualsForType(Json::equals, Json.class).isEqualTo(created);
    }

    @Test
    void optionalFieldsLeftOutAreReadAsNull() {
        Item created = db.item().create(c -> c.code("a").name("a").flag(false).quantity(1).big(1L).ratio(1.0)
                .amount(BigDecimal.ONE).at(Items.NOON).doc(Json.of(Map.of())).blob("x".getBytes(StandardCharsets.UTF_8))
                .tier(Tier.BASIC)).block(ConformanceContext.WAIT);
        StepVerifier.create(db.item().findUniqueOrThrow(q -> q.where(w -> w.code("a"))))
                .assertNext(read -> {
                    assertThat(read.id()).isEqualTo(created.id());
                    assertThat(read.note()).isNull();
                    assertThat(read.rank()).isNull();
                    assertThat(read.weight()).isNull();
                    assertThat(read.due()).isNull();
                    assertThat(read.level()).isNull();
                })
                .verifyComplete();
    }

    @Test
    void findUniqueByAnyUniqueFieldIsEmptyWhenNothingMatches() {
        Items.create(db, item("a"));
        StepVerifier.create(db.item().findUnique(q -> q.where(w -> w.code("a"))).map(Item::code))
                .expectNext("a")
                .verifyComplete();
        StepVerifier.create(db.item().findUnique(q -> q.where(w -> w.code("missing")))).verifyComplete();
    }

    @Test
    void findUniqueOrThrowSignalsRecordNotFoundNamingTheModel() {
        StepVerifier.create(db.item().findUniqueOrThrow(q -> q.where(w -> w.code("missing"))))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RecordNotFoundException.class)
                        .hasMessageContaining("Item"))
                .verify(ConformanceContext.WAIT);
    }

    @Test
    void findFirstTakesTheFirstMatchInOrderAndTheOrThrowVariantSignalsWhenNoneMatches() {
        Items.create(db, item("a").quantity(3), item("b").quantity(9), item("c").quantity(5));
        StepVerifier.create(db.item().findFirst(q -> q.where(w -> w.quantity().gt(2)).orderBy(o -> o.quantity().desc()))
                        .map(Item::code))
                .expectNext("b")
                .verifyComplete();
        StepVerifier.create(db.item().findFirst(q -> q.where(w -> w.quantity().gt(100)))).verifyComplete();
        StepVerifier.create(db.item().findFirstOrThrow(q -> q.where(w -> w.quantity().gt(100))))
                .expectError(RecordNotFoundException.class)
                .verify(ConformanceContext.WAIT);
    }

    @Test
    void findManyWithoutConditionsReadsEveryRecord() {
        Items.create(db, item("a"), item("b"), item("c"));
        assertThat(Items.codes(db.item().findMany().collectList().block(ConformanceContext.WAIT)))
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void orderByOnSeveralKeysSortsByTheFirstThenTheNext() {
        Items.create(db, item("a").tier(Tier.PLUS).quantity(2), item("b").tier(Tier.BASIC).quantity(2),
                item("c").tier(Tier.PLUS).quantity(9), item("d").tier(Tier.BASIC).quantity(1));
        assertThat(codes(q -> q.orderBy(o -> o.quantity().desc()).orderBy(o -> o.code().asc())))
                .containsExactly("c", "a", "b", "d");
        assertThat(codes(q -> q.orderBy(o -> o.name().desc()))).containsExactly("d", "c", "b", "a");
    }

    @Test
    void sortsByEveryScalarTypeThatOrders() {
        Items.create(db, item("a").big(30L).ratio(0.5).amount(new BigDecimal("2.5")).at(Items.NOON.plusSeconds(1)),
                item("b").big(10L).ratio(1.5).amount(new BigDecimal("0.25")).at(Items.NOON.plusSeconds(3)),
                item("c").big(20L).ratio(-1.0).amount(new BigDecimal("10")).at(Items.NOON.plusSeconds(2)));
        assertThat(codes(q -> q.orderBy(o -> o.big().asc()))).containsExactly("b", "c", "a");
        assertThat(codes(q -> q.orderBy(o -> o.ratio().asc()))).containsExactly("c", "a", "b");
        assertThat(codes(q -> q.orderBy(o -> o.amount().asc()))).containsExactly("b", "a", "c");
        assertThat(codes(q -> q.orderBy(o -> o.at().desc()))).containsExactly("b", "c", "a");
    }

    @Test
    void nullsFirstAndNullsLastPlaceMissingValuesAsAsked() {
        context.require(Ability.NULLS_ORDERING);
        Items.create(db, item("a").rank(2), item("b"), item("c").rank(1));
        assertThat(codes(q -> q.orderBy(o -> o.rank().nullsFirst().asc()))).containsExactly("b", "c", "a");
        assertThat(codes(q -> q.orderBy(o -> o.rank().nullsLast().asc()))).containsExactly("c", "a", "b");
        assertThat(codes(q -> q.orderBy(o -> o.rank().nullsFirst().desc()))).containsExactly("b", "a", "c");
        assertThat(codes(q -> q.orderBy(o -> o.rank().nullsLast().desc()))).containsExactly("a", "c", "b");
    }

    @Test
    void skipAndTakePageThroughTheOrderedRecords() {
        Items.create(db, item("a"), item("b"), item("c"), item("d"), item("e"));
        assertThat(codes(q -> q.orderBy(o -> o.code().asc()).take(2))).containsExactly("a", "b");
        assertThat(codes(q -> q.orderBy(o -> o.code().asc()).skip(2).take(2))).containsExactly("c", "d");
        assertThat(codes(q -> q.orderBy(o -> o.code().asc()).skip(4).take(2))).containsExactly("e");
        assertThat(codes(q -> q.orderBy(o -> o.code().asc()).skip(3))).containsExactly("d", "e");
    }

    @Test
    void aNegativeTakeIsRefusedBeforeAnythingIsSent() {
        // The query model reads forward only: a page before a cursor is read with the order reversed.
        assertThatThrownBy(() -> db.item().findMany(q -> q.orderBy(o -> o.code().asc()).take(-2)).collectList()
                        .block(ConformanceContext.WAIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("take must not be negative");
    }

    @Test
    void aPageBeforeACursorIsReadWithTheOrderReversed() {
        Items.create(db, item("a"), item("b"), item("c"), item("d"), item("e"));
        assertThat(codes(q -> q.orderBy(o -> o.code().desc()).cursor(c -> c.code("d")).skip(1).take(2)))
                .containsExactly("c", "b");
    }

    @Test
    void aCursorStartsThePageAtItsRecordAndSkipOneStartsAfterIt() {
        Items.create(db, item("a"), item("b"), item("c"), item("d"), item("e"));
        assertThat(codes(q -> q.orderBy(o -> o.code().asc()).cursor(c -> c.code("b")).take(2)))
                .containsExactly("b", "c");
        assertThat(codes(q -> q.orderBy(o -> o.code().asc()).cursor(c -> c.code("b")).skip(1).take(2)))
                .containsExactly("c", "d");
        assertThat(codes(q -> q.orderBy(o -> o.code().asc()).cursor(c -> c.code("e")).take(3)))
                .containsExactly("e");
    }

    @Test
    void distinctKeepsOneRecordPerCombinationOfValues() {
        context.require(Ability.DISTINCT);
        Items.create(db, item("a").tier(Tier.PLUS).quantity(1), item("b").tier(Tier.PLUS).quantity(1),
                item("c").tier(Tier.BASIC).quantity(1), item("d").tier(Tier.PLUS).quantity(2));
        List<Item> byTier = db.item().findMany(q -> q.distinct(ItemField.TIER).orderBy(o -> o.tier().asc())
                .select(s -> s.tier())).collectList().block(ConformanceContext.WAIT);
        assertThat(byTier).extracting(Item::tier).containsExactly(Tier.BASIC, Tier.PLUS);
        List<Item> byTierAndQuantity = db.item().findMany(q -> q.distinct(ItemField.TIER, ItemField.QUANTITY)
                .orderBy(o -> o.tier().asc()).orderBy(o -> o.quantity().asc()).select(s -> s.tier().quantity()))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(byTierAndQuantity).extracting(i -> i.tier() + ":" + i.quantity())
                .containsExactly("BASIC:1", "PLUS:1", "PLUS:2");
    }

    @Test
    void selectReadsOnlyTheNamedFields() {
        Items.create(db, item("a").note("kept"));
        StepVerifier.create(db.item().findUnique(q -> q.where(w -> w.code("a")).select(s -> s.code().note())))
                .assertNext(read -> {
                    assertThat(read.code()).isEqualTo("a");
                    assertThat(read.note()).isEqualTo("kept");
                    assertThat(read.id()).isNull();
                    assertThat(read.quantity()).isNull();
                    assertThat(read.doc()).isNull();
                    assertThat(read.blob()).isNull();
                })
                .verifyComplete();
    }

    @Test
    void omitReadsEveryFieldButTheNamedOnes() {
        Items.create(db, item("a").note("kept"));
        StepVerifier.create(db.item().findFirst(q -> q.where(w -> w.code().eq("a")).omit(o -> o.doc().blob().note())))
                .assertNext(read -> {
                    assertThat(read.id()).isNotNull();
                    assertThat(read.code()).isEqualTo("a");
                    assertThat(read.quantity()).isEqualTo(1);
                    assertThat(read.doc()).isNull();
                    assertThat(read.blob()).isNull();
                    assertThat(read.note()).isNull();
                })
                .verifyComplete();
    }

    @Test
    void everyCallIsColdAndRunsAgainOnEachSubscription() {
        Mono<Item> create = db.item().create(c -> c.code("cold").name("c").flag(false).quantity(1).big(1L).ratio(1.0)
                .amount(BigDecimal.ONE).at(Items.NOON).doc(Json.of(1)).blob(new byte[] {1}).tier(Tier.BASIC));
        StepVerifier.create(db.item().count()).expectNext(0L).verifyComplete();
        create.block(ConformanceContext.WAIT);
        StepVerifier.create(db.item().count()).expectNext(1L).verifyComplete();
        // The second subscription runs the create again, and the code is taken by then.
        StepVerifier.create(create).expectError(UniqueConstraintViolationException.class).verify(ConformanceContext.WAIT);
        StepVerifier.create(db.item().count()).expectNext(1L).verifyComplete();
    }
}
