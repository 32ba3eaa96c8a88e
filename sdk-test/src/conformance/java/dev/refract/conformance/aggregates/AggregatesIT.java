package dev.refract.conformance.aggregates;

import static dev.refract.conformance.Items.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.refract.conformance.Ability;
import dev.refract.conformance.Conformance;
import dev.refract.conformance.ConformanceContext;
import dev.refract.conformance.Items;
import dev.refract.conformance.client.ItemAggregate;
import dev.refract.conformance.client.ItemField;
import dev.refract.conformance.client.ItemGroup;
import dev.refract.conformance.client.RefractClient;
import dev.refract.conformance.client.Tier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Aggregates over all or the matching records, and groups with their aggregates, conditions, order and pages. */
@Conformance
class AggregatesIT {

    private final ConformanceContext context;
    private final RefractClient db;

    AggregatesIT(ConformanceContext context) {
        this.context = context;
        this.db = context.client();
    }

    @BeforeAll
    static void arrange(ConformanceContext context) {
        context.clear();
        Items.create(context.client(),
                item("a").tier(Tier.BASIC).quantity(1).big(10L).ratio(0.5).amount(new BigDecimal("1.25")).rank(4)
                        .at(Items.NOON.plusSeconds(1)),
                item("b").tier(Tier.BASIC).quantity(3).big(20L).ratio(1.5).amount(new BigDecimal("2.50"))
                        .at(Items.NOON.plusSeconds(2)),
                item("c").tier(Tier.PLUS).quantity(5).big(30L).ratio(2.0).amount(new BigDecimal("0.25")).rank(8)
                        .at(Items.NOON.plusSeconds(3)),
                item("d").tier(Tier.PLUS).quantity(7).big(40L).ratio(4.0).amount(new BigDecimal("4.00"))
                        .at(Items.NOON.plusSeconds(4)),
                item("e").tier(Tier.PREMIUM).quantity(9).big(50L).ratio(8.0).amount(new BigDecimal("10"))
                        .at(Items.NOON.plusSeconds(5)));
    }

    @Test
    void aggregateComputesCountSumAverageMinimumAndMaximum() {
        ItemAggregate result = db.item().aggregate(a -> a.count()
                        .sum(ItemField.QUANTITY, ItemField.BIG, ItemField.RATIO, ItemField.AMOUNT)
                        .avg(ItemField.QUANTITY, ItemField.RATIO, ItemField.AMOUNT)
                        .min(ItemField.QUANTITY, ItemField.CODE, ItemField.AT, ItemField.AMOUNT)
                        .max(ItemField.BIG, ItemField.NAME, ItemField.RATIO))
                .block(ConformanceContext.WAIT);
        assertThat(result.count()).isEqualTo(5L);
        assertThat(result.sum().quantity()).isEqualTo(25L);
        assertThat(result.sum().big()).isEqualTo(150L);
        assertThat(result.sum().ratio()).isEqualTo(16.0);
        assertThat(result.sum().amount()).isEqualByComparingTo("18.00");
        assertThat(result.avg().quantity()).isEqualTo(5.0);
        assertThat(result.avg().ratio()).isCloseTo(3.2, within(1e-9));
        assertThat(result.avg().amount()).isEqualByComparingTo("3.6");
        assertThat(result.min().quantity()).isEqualTo(1);
        assertThat(result.min().code()).isEqualTo("a");
        assertThat(result.min().at()).isEqualTo(Items.NOON.plusSeconds(1));
        assertThat(result.min().amount()).isEqualByComparingTo("0.25");
        assertThat(result.max().big()).isEqualTo(50L);
        assertThat(result.max().name()).isEqualTo("e");
        assertThat(result.max().ratio()).isEqualTo(8.0);
        assertThat(result.sum().rank()).isNull();
    }

    @Test
    void aggregateOverMatchingRecordsAndCountsOfFieldsWithValues() {
        ItemAggregate result = db.item().aggregate(a -> a.where(w -> w.tier().eq(Tier.BASIC)).count()
                        .count(ItemField.RANK, ItemField.CODE).sum(ItemField.RANK))
                .block(ConformanceContext.WAIT);
        assertThat(result.count()).isEqualTo(2L);
        assertThat(result.counts().rank()).isEqualTo(1L);
        assertThat(result.counts().code()).isEqualTo(2L);
        assertThat(result.sum().rank()).isEqualTo(4L);
    }

    @Test
    void aggregateOfNoRecordsCountsZeroAndHasNoSum() {
        ItemAggregate result = db.item().aggregate(a -> a.where(w -> w.code().eq("none")).count()
                        .sum(ItemField.QUANTITY).max(ItemField.QUANTITY))
                .block(ConformanceContext.WAIT);
        assertThat(result.count()).isZero();
        assertThat(result.sum().quantity()).isNull();
        assertThat(result.max().quantity()).isNull();
    }

    @Test
    void aggregateOverAnOrderedPageOfRecords() {
        ItemAggregate result = db.item().aggregate(a -> a.orderBy(o -> o.quantity().desc()).take(2)
                        .sum(ItemField.QUANTITY))
                .block(ConformanceContext.WAIT);
        assertThat(result.sum().quantity()).isEqualTo(16L);
    }

    @Test
    void groupByGroupsByAFieldWithItsAggregates() {
        context.require(Ability.GROUP_BY);
        List<ItemGroup> groups = db.item().groupBy(g -> g.by(ItemField.TIER).count().sum(ItemField.QUANTITY)
                        .avg(ItemField.RATIO).min(ItemField.CODE).max(ItemField.AMOUNT).orderBy(o -> o.tier().asc()))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(groups).extracting(ItemGroup::tier).containsExactly(Tier.BASIC, Tier.PLUS, Tier.PREMIUM);
        assertThat(groups).extracting(ItemGroup::count).containsExactly(2L, 2L, 1L);
        assertThat(groups).extracting(g -> g.sum().quantity()).containsExactly(4L, 12L, 9L);
        assertThat(groups).extracting(g -> g.avg().ratio()).containsExactly(1.0, 3.0, 8.0);
        assertThat(groups).extracting(g -> g.min().code()).containsExactly("a", "c", "e");
        assertThat(groups.get(1).max().amount()).isEqualByComparingTo("4");
        assertThat(groups).allSatisfy(g -> assertThat(g.code()).isNull());
    }

    @Test
    void groupByOnSeveralFieldsWithConditionsOnTheRecords() {
        context.require(Ability.GROUP_BY);
        List<ItemGroup> groups = db.item().groupBy(g -> g.by(ItemField.TIER, ItemField.FLAG)
                        .where(w -> w.quantity().gt(1)).count().orderBy(o -> o.tier().asc()))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(groups).extracting(g -> g.tier() + ":" + g.flag() + ":" + g.count())
                .containsExactly("BASIC:false:1", "PLUS:false:2", "PREMIUM:false:1");
    }

    @Test
    void havingKeepsTheGroupsWhoseAggregatesMatch() {
        context.require(Ability.GROUP_BY);
        List<ItemGroup> groups = db.item().groupBy(g -> g.by(ItemField.TIER).count().sum(ItemField.QUANTITY)
                        .having(h -> h.sumQuantity().gt(5L)).orderBy(o -> o.tier().asc()))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(groups).extracting(ItemGroup::tier).containsExactly(Tier.PLUS, Tier.PREMIUM);
        List<ItemGroup> counted = db.item().groupBy(g -> g.by(ItemField.TIER).count()
                        .having(h -> h.count().gte(2L)).orderBy(o -> o.tier().asc()))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(counted).extracting(ItemGroup::tier).containsExactly(Tier.BASIC, Tier.PLUS);
    }

    @Test
    void groupsAreOrderedByAggregatesAndPaged() {
        context.require(Ability.GROUP_BY);
        List<ItemGroup> bySum = db.item().groupBy(g -> g.by(ItemField.TIER).sum(ItemField.QUANTITY)
                        .orderBy(o -> o.sum(ItemField.QUANTITY).desc()))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(bySum).extracting(ItemGroup::tier).containsExactly(Tier.PLUS, Tier.PREMIUM, Tier.BASIC);
        List<ItemGroup> page = db.item().groupBy(g -> g.by(ItemField.TIER).count()
                        .orderBy(o -> o.tier().asc()).skip(1).take(1))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(page).extracting(ItemGroup::tier).containsExactly(Tier.PLUS);
    }
}
