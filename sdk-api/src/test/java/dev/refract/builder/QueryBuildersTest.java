package dev.refract.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.error.MissingRequiredFieldException;
import dev.refract.json.Json;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Comparison;
import dev.refract.query.Filter.JsonOperator;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import dev.refract.query.OrderBy;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.WriteOp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The building blocks, exercised through hand-written subclasses shaped like generated ones. */
class QueryBuildersTest {

    enum Color { RED, BLUE }

    static final class Where extends WhereBuilder<Where> {
        @Override
        protected Where self() {
            return this;
        }

        @Override
        protected Where newBuilder() {
            return new Where();
        }

        StringCondition.Nullable<Where> name() {
            return new StringCondition.Nullable<>(this, 1, "name");
        }

        ComparableCondition<Where, Integer> age() {
            return new ComparableCondition<>(this, 2, "age", ValueCondition.asIs());
        }

        ValueCondition<Where, Color> color() {
            return new ValueCondition<>(this, 3, "color", color -> color.name().toLowerCase());
        }

        ListCondition<Where, String> tags() {
            return new ListCondition<>(this, 4, "tags", ValueCondition.asIs());
        }

        JsonCondition.Nullable<Where> settings() {
            return new JsonCondition.Nullable<>(this, 5, "settings");
        }

        ComparableCondition.Nullable<Where, Integer> limit() {
            return new ComparableCondition.Nullable<>(this, 6, "limit", ValueCondition.asIs());
        }

        static final FieldRef<Where, Integer> AGE = new FieldRef<>(2, "age");
        static final FieldRef<Where, Integer> LIMIT = new FieldRef<>(6, "limit");
        static final FieldRef<Where, String> NAME = new FieldRef<>(1, "name");
    }

    static final class Sort extends OrderByBuilder<Sort> {
        @Override
        protected Sort self() {
            return this;
        }

        SortField<Sort> age() {
            return field(2);
        }
    }

    static final class Write extends WriteBuilder<Write> {
        @Override
        protected Write self() {
            return this;
        }

        Write name(String name) {
            return setRequired(1, "name", name);
        }

        NumberUpdate<Write, Integer> age() {
            return number(2, "age");
        }

        WriteData build() {
            require(1, "Person", "name");
            return data();
        }
    }

    @Test
    void chainedConditionsAreAllRequired() {
        Filter filter = new Where().age().gte(18).color().eq(Color.RED).build();

        assertThat(filter).isEqualTo(new Filter.And(List.of(
                new Comparison(2, Operator.GTE, 18, Mode.DEFAULT),
                new Comparison(3, Operator.EQUALS, "red", Mode.DEFAULT))));
    }

    @Test
    void emptyWhereMatchesEverything() {
        assertThat(new Where().build()).isSameAs(Filter.ALL);
    }

    @Test
    void singleConditionIsNotWrapped() {
        assertThat(new Where().name().isNull().build()).isEqualTo(new Filter.IsNull(1, true));
    }

    @Test
    void groupsNestWithAndOrNot() {
        Filter filter = new Where()
                .or(a -> a.age().lt(10), b -> b.color().in(Color.RED, Color.BLUE))
                .not(n -> n.name().insensitive().startsWith("x"))
                .build();

        assertThat(filter).isEqualTo(new Filter.And(List.of(
                new Filter.Or(List.of(new Comparison(2, Operator.LT, 10, Mode.DEFAULT),
                        new Comparison(3, Operator.IN, List.of("red", "blue"), Mode.DEFAULT))),
                new Filter.Not(new Comparison(1, Operator.STARTS_WITH, "x", Mode.INSENSITIVE)))));
    }

    @Test
    void listConditionsEncodeElements() {
        assertThat(new Where().tags().hasSome(List.of("a", "b")).build())
                .isEqualTo(new Comparison(4, Operator.HAS_SOME, List.of("a", "b"), Mode.DEFAULT));
        assertThat(new Where().tags().isEmpty().build()).isEqualTo(new Comparison(4, Operator.IS_EMPTY, null, Mode.DEFAULT));
    }

    @Test
    void fieldReferencesCompareTwoFieldsOfTheRecord() {
        Filter filter = new Where().age().lt(Where.LIMIT).limit().gte(Where.AGE).age().not(Where.LIMIT)
                .name().eq(Where.NAME).build();

        assertThat(filter).isEqualTo(new Filter.And(List.of(
                new Filter.FieldComparison(2, Operator.LT, 6),
                new Filter.FieldComparison(6, Operator.GTE, 2),
                new Filter.FieldComparison(2, Operator.NOT, 6),
                new Filter.FieldComparison(1, Operator.EQUALS, 1))));
    }

    @Test
    void insensitiveDoesNotSilentlyApplyToAFieldComparison() {
        assertThatThrownBy(() -> new Where().name().insensitive().eq(Where.NAME))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("insensitive() does not apply when comparing name with the field name");
    }

    @Test
    void jsonPathConditionsCarryThePathAndTheirOperator() {
        Json model = Json.parse("{\"name\":\"gpt\"}");
        Filter filter = new Where().settings().path("model", "name").stringStartsWith("gp")
                .settings().path(List.of("tags")).arrayContains(Json.of("fast"))
                .settings().path("model").eq(model)
                .settings().path("a", "0").stringContains("x")
                .settings().path("b").stringEndsWith("y")
                .settings().isNotNull()
                .build();

        assertThat(filter).isEqualTo(new Filter.And(List.of(
                new Filter.JsonPath(5, List.of("model", "name"), JsonOperator.STRING_STARTS_WITH, "gp"),
                new Filter.JsonPath(5, List.of("tags"), JsonOperator.ARRAY_CONTAINS, Json.of("fast")),
                new Filter.JsonPath(5, List.of("model"), JsonOperator.EQUALS, model),
                new Filter.JsonPath(5, List.of("a", "0"), JsonOperator.STRING_CONTAINS, "x"),
                new Filter.JsonPath(5, List.of("b"), JsonOperator.STRING_ENDS_WITH, "y"),
                new Filter.IsNull(5, false))));
    }

    @Test
    void jsonPathRefusesAnEmptyPathAndNullValues() {
        assertThatThrownBy(() -> new Where().settings().path()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("settings().path is empty");
        assertThatThrownBy(() -> new Where().settings().path("a").stringContains(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("field 'settings'");
    }

    @Test
    void nullComparisonPointsToIsNull() {
        assertThatThrownBy(() -> new Where().name().eq((String) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("name().isNull()");
        assertThatThrownBy(() -> new Where().age().in(java.util.Arrays.asList(1, null))).hasMessageContaining("contains null");
    }

    @Test
    void sortKeysKeepTheirOrderAndNullsPlacement() {
        List<OrderBy> keys = new Sort().age().nullsLast().desc().age().asc().build();

        assertThat(keys).containsExactly(new OrderBy(2, OrderBy.Direction.DESC, OrderBy.Nulls.LAST),
                new OrderBy(2, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT));
    }

    @Test
    void writesKeepFieldOrderAndLastValueWins() {
        WriteData data = new Write().age().increment(1).name("a").name("b").build();

        assertThat(data.writes()).containsExactly(new FieldWrite(1, WriteOp.SET, "b"), new FieldWrite(2, WriteOp.INCREMENT, 1));
    }

    @Test
    void buildWithoutRequiredFieldNamesIt() {
        assertThatThrownBy(() -> new Write().age().set(3).build())
                .isInstanceOfSatisfying(MissingRequiredFieldException.class, e -> {
                    assertThat(e.model()).isEqualTo("Person");
                    assertThat(e.fields()).containsExactly("name");
                });
        assertThatThrownBy(() -> new Write().name(null)).hasMessageContaining("'name' is required");
    }

    @Test
    void omitKeepsEveryOtherScalarField() {
        Selection selection = Selections.of("Person", List.of(), List.of(2), List.of(0, 1, 2, 3), List.of());

        assertThat(selection.fields()).containsExactly(0, 1, 3);
    }

    @Test
    void relationCountsTravelWithTheChosenFields() {
        List<Selection.RelationCount> counts = List.of(new Selection.RelationCount(4, Filter.ALL),
                new Selection.RelationCount(5, new Comparison(1, Operator.EQUALS, "x", Mode.DEFAULT)));

        Selection selection = Selections.of("Person", List.of(), List.of(2), List.of(0, 1, 2, 3), List.of(), counts);

        assertThat(selection).isEqualTo(new Selection(List.of(0, 1, 3), List.of(), counts));
    }

    @Test
    void selectAndOmitTogetherAreRejected() {
        assertThatThrownBy(() -> Selections.of("Person", List.of(1), List.of(2), List.of(0, 1, 2), List.of()))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("both select and omit");
    }
}
