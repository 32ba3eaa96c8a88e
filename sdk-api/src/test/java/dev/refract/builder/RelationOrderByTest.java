package dev.refract.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.query.Aggregations.Function;
import dev.refract.query.OrderBy;
import dev.refract.query.OrderBy.Direction;
import dev.refract.query.OrderBy.Key;
import dev.refract.query.OrderBy.Nulls;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Sort keys through relations and on aggregates, through hand-written order-by builders shaped like
 * generated ones: a step (field 0 name, 1 run) of a run (field 0 name, 1 steps, 2 owner) owned by a
 * user (field 0 email, 1 runs, 2 manager).
 */
class RelationOrderByTest {

    static final class StepOrder extends OrderByBuilder<StepOrder> {
        @Override
        protected StepOrder self() {
            return this;
        }

        SortField<StepOrder> name() {
            return field(0);
        }

        StepOrder run(Consumer<RunOrder> order) {
            return related(1, new RunOrder(), order);
        }
    }

    static final class RunOrder extends OrderByBuilder<RunOrder> {
        @Override
        protected RunOrder self() {
            return this;
        }

        SortField<RunOrder> name() {
            return field(0);
        }

        RelationSort<RunOrder> steps() {
            return relation(1);
        }

        RunOrder owner(Consumer<UserOrder> order) {
            return related(2, new UserOrder(), order);
        }
    }

    static final class UserOrder extends OrderByBuilder<UserOrder> {
        @Override
        protected UserOrder self() {
            return this;
        }

        SortField<UserOrder> email() {
            return field(0);
        }

        RelationSort<UserOrder> runs() {
            return relation(1);
        }

        UserOrder manager(Consumer<UserOrder> order) {
            return related(2, new UserOrder(), order);
        }
    }

    static final class RunGroupOrder extends OrderByBuilder<RunGroupOrder> {
        @Override
        protected RunGroupOrder self() {
            return this;
        }

        SortField<RunGroupOrder> name() {
            return field(0);
        }

        SortField<RunGroupOrder> count() {
            return aggregate(Function.COUNT, -1);
        }

        SortField<RunGroupOrder> sum(int field) {
            return aggregate(Function.SUM, field);
        }
    }

    @Test
    void toOneRelationPrefixesTheRelatedFieldWithTheRelation() {
        List<OrderBy> keys = new StepOrder().run(r -> r.name().nullsFirst().desc()).build();

        assertThat(keys).containsExactly(
                new OrderBy(new Key.RelatedField(List.of(1), 0), Direction.DESC, Nulls.FIRST));
    }

    @Test
    void relationsNestToAnyDepthOutermostFirst() {
        List<OrderBy> keys = new StepOrder()
                .run(r -> r.owner(o -> o.manager(m -> m.email().asc())))
                .build();

        assertThat(keys).containsExactly(
                new OrderBy(new Key.RelatedField(List.of(1, 2, 2), 0), Direction.ASC, Nulls.DEFAULT));
    }

    @Test
    void toManyRelationSortsByItsCount() {
        List<OrderBy> keys = new RunOrder().steps().count().desc().build();

        assertThat(keys).containsExactly(new OrderBy(new Key.RelationCount(List.of(1)), Direction.DESC, Nulls.DEFAULT));
    }

    @Test
    void countOfAToManyRelationBehindToOneRelationsEndsWithTheCountedRelation() {
        List<OrderBy> keys = new StepOrder().run(r -> r.owner(o -> o.runs().count().asc())).build();

        assertThat(keys).containsExactly(
                new OrderBy(new Key.RelationCount(List.of(1, 2, 1)), Direction.ASC, Nulls.DEFAULT));
    }

    @Test
    void keysKeepTheOrderTheyWereGivenAcrossRelations() {
        List<OrderBy> keys = new StepOrder()
                .name().asc()
                .run(r -> r.steps().count().desc().name().asc())
                .name().desc()
                .build();

        assertThat(keys).containsExactly(
                new OrderBy(new Key.Field(0), Direction.ASC, Nulls.DEFAULT),
                new OrderBy(new Key.RelationCount(List.of(1, 1)), Direction.DESC, Nulls.DEFAULT),
                new OrderBy(new Key.RelatedField(List.of(1), 0), Direction.ASC, Nulls.DEFAULT),
                new OrderBy(new Key.Field(0), Direction.DESC, Nulls.DEFAULT));
    }

    @Test
    void relatedOrderWithoutKeysAddsNone() {
        assertThat(new StepOrder().run(r -> { }).build()).isEmpty();
    }

    @Test
    void groupOrderSortsOnAggregatesAndKeys() {
        List<OrderBy> keys = new RunGroupOrder().count().desc().sum(3).nullsLast().asc().name().asc().build();

        assertThat(keys).containsExactly(
                new OrderBy(new Key.Aggregate(Function.COUNT, -1), Direction.DESC, Nulls.DEFAULT),
                new OrderBy(new Key.Aggregate(Function.SUM, 3), Direction.ASC, Nulls.LAST),
                new OrderBy(new Key.Field(0), Direction.ASC, Nulls.DEFAULT));
    }

    @Test
    void aggregateCannotSortThroughARelation() {
        final class Holder extends OrderByBuilder<Holder> {
            @Override
            protected Holder self() {
                return this;
            }

            Holder group(Consumer<RunGroupOrder> order) {
                return related(4, new RunGroupOrder(), order);
            }
        }

        assertThatThrownBy(() -> new Holder().group(g -> g.count().desc()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groupBy");
    }
}
