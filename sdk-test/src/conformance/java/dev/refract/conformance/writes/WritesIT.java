package dev.refract.conformance.writes;

import static dev.refract.conformance.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.conformance.Conformance;
import dev.refract.conformance.ConformanceContext;
import dev.refract.conformance.Items;
import dev.refract.conformance.ServerLimit;
import dev.refract.conformance.client.Item;
import dev.refract.conformance.client.ItemCreate;
import dev.refract.conformance.client.ItemField;
import dev.refract.conformance.client.RefractClient;
import dev.refract.conformance.client.Tier;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Updates, upserts, deletes and bulk writes, what each returns, and the errors a write signals. */
@Conformance
class WritesIT {

    private final ConformanceContext context;
    private final RefractClient db;

    WritesIT(ConformanceContext context) {
        this.context = context;
        this.db = context.client();
    }

    @BeforeEach
    void clear() {
        context.clear();
    }

    private Item read(String code) {
        return db.item().findUniqueOrThrow(q -> q.where(w -> w.code(code))).block(ConformanceContext.WAIT);
    }

    @Test
    void updateSetsFieldsAndReturnsTheUpdatedRecord() {
        Items.create(db, item("a").note("old").rank(1));
        StepVerifier.create(db.item().update(w -> w.code("a"), d -> d.name("renamed").flag(true).tier(Tier.PLUS)
                        .doc(Json.of(Map.of("v", 2))).note(null).rank(null)))
                .assertNext(updated -> {
                    assertThat(updated.code()).isEqualTo("a");
                    assertThat(updated.name()).isEqualTo("renamed");
                    assertThat(updated.flag()).isTrue();
                    assertThat(updated.tier()).isEqualTo(Tier.PLUS);
                    assertThat(updated.doc()).isEqualTo(Json.of(Map.of("v", 2)));
                    assertThat(updated.note()).isNull();
                    assertThat(updated.rank()).isNull();
                })
                .verifyComplete();
        assertThat(read("a").name()).isEqualTo("renamed");
    }

    @Test
    void intUpdatesSetIncrementDecrementAndMultiply() {
        Items.create(db, item("a").quantity(10));
        assertThat(db.item().update(w -> w.code("a"), d -> d.quantity().increment(5)).block(ConformanceContext.WAIT)
                .quantity()).isEqualTo(15);
        assertThat(db.item().update(w -> w.code("a"), d -> d.quantity().decrement(3)).block(ConformanceContext.WAIT)
                .quantity()).isEqualTo(12);
        assertThat(db.item().update(w -> w.code("a"), d -> d.quantity().multiply(3)).block(ConformanceContext.WAIT)
                .quantity()).isEqualTo(36);
        assertThat(db.item().update(w -> w.code("a"), d -> d.quantity().set(-2)).block(ConformanceContext.WAIT)
                .quantity()).isEqualTo(-2);
        assertThat(read("a").quantity()).isEqualTo(-2);
    }

    @Test
    void bigIntUpdatesKeepValuesBeyondTheRangeOfInt() {
        Items.create(db, item("a").big(4_000_000_000L));
        assertThat(db.item().update(w -> w.code("a"), d -> d.big().increment(1_000_000_000L))
                .block(ConformanceContext.WAIT).big()).isEqualTo(5_000_000_000L);
        assertThat(db.item().update(w -> w.code("a"), d -> d.big().multiply(2L)).block(ConformanceContext.WAIT).big())
                .isEqualTo(10_000_000_000L);
        assertThat(db.item().update(w -> w.code("a"), d -> d.big().decrement(1L)).block(ConformanceContext.WAIT).big())
                .isEqualTo(9_999_999_999L);
        assertThat(db.item().update(w -> w.code("a"), d -> d.big().set(7L)).block(ConformanceContext.WAIT).big())
                .isEqualTo(7L);
    }

    @Test
    void floatUpdates() {
        Items.create(db, item("a").ratio(1.5));
        assertThat(db.item().update(w -> w.code("a"), d -> d.ratio().increment(1.0)).block(ConformanceContext.WAIT)
                .ratio()).isEqualTo(2.5);
        assertThat(db.item().update(w -> w.code("a"), d -> d.ratio().multiply(4.0)).block(ConformanceContext.WAIT)
                .ratio()).isEqualTo(10.0);
        assertThat(db.item().update(w -> w.code("a"), d -> d.ratio().decrement(0.25)).block(ConformanceContext.WAIT)
                .ratio()).isEqualTo(9.75);
        assertThat(db.item().update(w -> w.code("a"), d -> d.ratio().set(-0.5)).block(ConformanceContext.WAIT)
                .ratio()).isEqualTo(-0.5);
    }

    @Test
    void decimalUpdatesAreExact() {
        Items.create(db, item("a").amount(new BigDecimal("0.10")));
        assertThat(db.item().update(w -> w.code("a"), d -> d.amount().increment(new BigDecimal("0.20")))
                .block(ConformanceContext.WAIT).amount()).isEqualByComparingTo("0.30");
        assertThat(db.item().update(w -> w.code("a"), d -> d.amount().multiply(new BigDecimal("3")))
                .block(ConformanceContext.WAIT).amount()).isEqualByComparingTo("0.90");
        assertThat(db.item().update(w -> w.code("a"), d -> d.amount().decrement(new BigDecimal("0.025")))
                .block(ConformanceContext.WAIT).amount()).isEqualByComparingTo("0.875");
        assertThat(db.item().update(w -> w.code("a"), d -> d.amount().set(new BigDecimal("-7.5")))
                .block(ConformanceContext.WAIT).amount()).isEqualByComparingTo("-7.5");
        assertThat(read("a").amount()).isEqualByComparingTo("-7.5");
    }

    @Test
    void divideDividesEveryNumberTypeAndTruncatesWholeNumbers() {
        context.skipOnServerWith(ServerLimit.NO_COMPUTED_UPDATES);
        Items.create(db, item("a").quantity(36).big(10_000_000_000L).ratio(10.0).amount(new BigDecimal("0.90")));
        Item divided = db.item().update(w -> w.code("a"), d -> d.quantity().divide(5).big().divide(3L).ratio().divide(4.0)
                .amount().divide(new BigDecimal("4"))).block(ConformanceContext.WAIT);
        assertThat(divided.quantity()).isEqualTo(7);
        assertThat(divided.big()).isEqualTo(3_333_333_333L);
        assertThat(divided.ratio()).isEqualTo(2.5);
        assertThat(divided.amount()).isEqualByComparingTo("0.225");
        db.item().update(w -> w.code("a"), d -> d.quantity(7)).block(ConformanceContext.WAIT);
        assertThat(db.item().update(w -> w.code("a"), d -> d.quantity().divide(2)).block(ConformanceContext.WAIT)
                .quantity()).as("7 / 2, truncated toward zero").isEqualTo(3);
        db.item().update(w -> w.code("a"), d -> d.quantity(-7)).block(ConformanceContext.WAIT);
        assertThat(db.item().update(w -> w.code("a"), d -> d.quantity().divide(2)).block(ConformanceContext.WAIT)
                .quantity()).as("-7 / 2, truncated toward zero").isEqualTo(-3);
    }

    @Test
    void numberUpdatesOfOptionalFieldsWork() {
        Items.create(db, item("a").rank(4).weight(1.0));
        Item updated = db.item().update(w -> w.code("a"), d -> d.rank().increment(2).weight().multiply(2.5))
                .block(ConformanceContext.WAIT);
        assertThat(updated.rank()).isEqualTo(6);
        assertThat(updated.weight()).isEqualTo(2.5);
    }

    @Test
    void anUpdateGuardedByAStaleConditionSignalsRecordNotFoundAndChangesNothing() {
        Items.create(db, item("a").quantity(0));
        StepVerifier.create(db.item().update(w -> w.code("a").and(g -> g.quantity().eq(0)),
                        d -> d.quantity().increment(1).name("first")))
                .assertNext(item -> assertThat(item.quantity()).isEqualTo(1))
                .verifyComplete();
        StepVerifier.create(db.item().update(w -> w.code("a").and(g -> g.quantity().eq(0)),
                        d -> d.quantity().increment(1).name("stale")))
                .expectError(RecordNotFoundException.class)
                .verify(ConformanceContext.WAIT);
        assertThat(read("a").name()).isEqualTo("first");
        StepVerifier.create(db.item().delete(w -> w.code("a").and(g -> g.quantity().eq(0))))
                .expectError(RecordNotFoundException.class)
                .verify(ConformanceContext.WAIT);
        StepVerifier.create(db.item().count()).expectNext(1L).verifyComplete();
    }

    @Test
    void countFieldsCountsTheRecordsWhereEachFieldHoldsAValue() {
        Items.create(db, item("a").note("n").rank(1), item("b").rank(2), item("c"));
        StepVerifier.create(db.item().countFields(q -> { }, ItemField.NOTE, ItemField.RANK, ItemField.CODE))
                .assertNext(counts -> {
                    assertThat(counts.note()).isEqualTo(1L);
                    assertThat(counts.rank()).isEqualTo(2L);
                    assertThat(counts.code()).isEqualTo(3L);
                    assertThat(counts.weight()).isNull();
                })
                .verifyComplete();
        StepVerifier.create(db.item().countFields(q -> q.where(w -> w.code().not("b")), ItemField.RANK))
                .assertNext(counts -> assertThat(counts.rank()).isEqualTo(1L))
                .verifyComplete();
    }

    @Test
    void updateOfAMissingRecordSignalsRecordNotFound() {
        StepVerifier.create(db.item().update(w -> w.code("missing"), d -> d.name("x")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RecordNotFoundException.class)
                        .hasMessageContaining("Item"))
                .verify(ConformanceContext.WAIT);
    }

    @Test
    void updateManyCountsTheRecordsItChanged() {
        Items.create(db, item("a").tier(Tier.BASIC), item("b").tier(Tier.BASIC), item("c").tier(Tier.PLUS));
        StepVerifier.create(db.item().updateMany(w -> w.tier().eq(Tier.BASIC), d -> d.quantity().increment(10)))
                .expectNext(2L)
                .verifyComplete();
        StepVerifier.create(db.item().updateMany(w -> w.code().eq("none"), d -> d.quantity().increment(10)))
                .expectNext(0L)
                .verifyComplete();
        assertThat(read("a").quantity()).isEqualTo(11);
        assertThat(read("c").quantity()).isEqualTo(1);
    }

    @Test
    void updateManyAndReturnReturnsTheChangedRecords() {
        Items.create(db, item("a").tier(Tier.BASIC), item("b").tier(Tier.BASIC), item("c").tier(Tier.PLUS));
        List<Item> updated = db.item().updateManyAndReturn(w -> w.tier().eq(Tier.BASIC), d -> d.note("bulk"))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(updated).extracting(Item::code).containsExactlyInAnyOrder("a", "b");
        assertThat(updated).extracting(Item::note).containsOnly("bulk");
        assertThat(read("c").note()).isNull();
    }

    @Test
    void upsertCreatesWhenTheKeyIsMissing() {
        StepVerifier.create(db.item().upsert(w -> w.code("a"), c -> c.code("a").name("created").flag(false).quantity(1)
                        .big(1L).ratio(1.0).amount(BigDecimal.ONE).at(Items.NOON).doc(Json.of(1)).blob(new byte[] {1})
                        .tier(Tier.BASIC), u -> u.name("updated")))
                .assertNext(item -> assertThat(item.name()).isEqualTo("created"))
                .verifyComplete();
        StepVerifier.create(db.item().count()).expectNext(1L).verifyComplete();
    }

    @Test
    void upsertUpdatesWhenTheKeyIsPresent() {
        Items.create(db, item("a").quantity(5));
        StepVerifier.create(db.item().upsert(w -> w.code("a"), c -> c.code("a").name("created").flag(false).quantity(1)
                        .big(1L).ratio(1.0).amount(BigDecimal.ONE).at(Items.NOON).doc(Json.of(1)).blob(new byte[] {1})
                        .tier(Tier.BASIC), u -> u.name("updated").quantity().increment(1)))
                .assertNext(item -> {
                    assertThat(item.name()).isEqualTo("updated");
                    assertThat(item.quantity()).isEqualTo(6);
                })
                .verifyComplete();
        StepVerifier.create(db.item().count()).expectNext(1L).verifyComplete();
    }

    @Test
    void deleteReturnsTheDeletedRecordAndSignalsRecordNotFoundWhenMissing() {
        Items.create(db, item("a"), item("b"));
        StepVerifier.create(db.item().delete(w -> w.code("a")).map(Item::code)).expectNext("a").verifyComplete();
        StepVerifier.create(db.item().delete(w -> w.code("a")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RecordNotFoundException.class)
                        .hasMessageContaining("Item"))
                .verify(ConformanceContext.WAIT);
        StepVerifier.create(db.item().findMany().map(Item::code)).expectNext("b").verifyComplete();
    }

    @Test
    void deleteManyCountsTheRecordsItRemoved() {
        Items.create(db, item("a").flag(true), item("b").flag(true), item("c"));
        StepVerifier.create(db.item().deleteMany(w -> w.flag().eq(true))).expectNext(2L).verifyComplete();
        StepVerifier.create(db.item().deleteMany(w -> w.flag().eq(true))).expectNext(0L).verifyComplete();
        StepVerifier.create(db.item().deleteMany()).expectNext(1L).verifyComplete();
    }

    @Test
    void countCountsAllOrTheMatchingRecords() {
        Items.create(db, item("a").flag(true), item("b"), item("c"));
        StepVerifier.create(db.item().count()).expectNext(3L).verifyComplete();
        StepVerifier.create(db.item().count(q -> q.where(w -> w.flag().eq(false)))).expectNext(2L).verifyComplete();
        StepVerifier.create(db.item().count(q -> q.where(w -> w.code().eq("none")))).expectNext(0L).verifyComplete();
    }

    @Test
    void createManyCountsWhatItCreatedAndSkipsDuplicatesWhenAsked() {
        StepVerifier.create(db.item().createMany(List.of(item("a"), item("b")))).expectNext(2L).verifyComplete();
        List<ItemCreate> overlapping = List.of(item("b").name("again"), item("c"));
        StepVerifier.create(db.item().createMany(overlapping))
                .expectError(UniqueConstraintViolationException.class)
                .verify(ConformanceContext.WAIT);
        StepVerifier.create(db.item().createMany(overlapping, true)).expectNext(1L).verifyComplete();
        assertThat(read("b").name()).isEqualTo("b");
        StepVerifier.create(db.item().count()).expectNext(3L).verifyComplete();
    }

    @Test
    void createManyAndReturnReturnsTheCreatedRecords() {
        List<Item> created = db.item().createManyAndReturn(List.of(item("a").quantity(1), item("b").quantity(2)))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(created).extracting(Item::code).containsExactlyInAnyOrder("a", "b");
        assertThat(created).allSatisfy(item -> assertThat(item.id()).isNotBlank());
        assertThat(created).extracting(Item::id).doesNotHaveDuplicates();
        assertThat(read("b").id()).isEqualTo(created.stream().filter(i -> i.code().equals("b")).findFirst()
                .orElseThrow().id());
    }

    @Test
    void aDuplicateUniqueValueIsAUniqueViolationNamingTheModelAndFields() {
        Items.create(db, item("a"));
        StepVerifier.create(db.item().create(c -> c.code("a").name("twin").flag(false).quantity(1).big(1L).ratio(1.0)
                        .amount(BigDecimal.ONE).at(Items.NOON).doc(Json.of(1)).blob(new byte[] {1}).tier(Tier.BASIC)))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(UniqueConstraintViolationException.class);
                    UniqueConstraintViolationException violation = (UniqueConstraintViolationException) error;
                    assertThat(violation.model()).isEqualTo("Item");
                    assertThat(violation.fields()).containsExactly("code");
                })
                .verify(ConformanceContext.WAIT);
        Items.create(db, item("b"));
        StepVerifier.create(db.item().update(w -> w.code("b"), d -> d.code("a")))
                .expectErrorSatisfies(error -> assertThat(((UniqueConstraintViolationException) error).fields())
                        .containsExactly("code"))
                .verify(ConformanceContext.WAIT);
    }

    @Test
    void aDuplicateCompoundUniqueValueNamesEveryFieldOfTheKey() {
        String author = db.author().create(c -> c.email("w@example.com").name("Writer")).block(ConformanceContext.WAIT)
                .id();
        db.post().create(c -> c.title("Once").authorId(author)).block(ConformanceContext.WAIT);
        StepVerifier.create(db.post().create(c -> c.title("Once").authorId(author)))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(UniqueConstraintViolationException.class);
                    UniqueConstraintViolationException violation = (UniqueConstraintViolationException) error;
                    assertThat(violation.model()).isEqualTo("Post");
                    assertThat(violation.fields()).containsExactly("authorId", "title");
                })
                .verify(ConformanceContext.WAIT);
    }
}
