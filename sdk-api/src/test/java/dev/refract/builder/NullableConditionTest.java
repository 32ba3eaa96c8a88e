package dev.refract.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.query.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;

class NullableConditionTest {

    @Test
    void everyNullableConditionChecksItsOwnFieldForNullAndNotNull() {
        QueryBuildersTest.Where where = new QueryBuildersTest.Where();
        List<NullableCondition<QueryBuildersTest.Where>> conditions = List.of(
                new ValueCondition.Nullable<>(where, 3, "color", ValueCondition.asIs()),
                new ComparableCondition.Nullable<>(where, 2, "age", ValueCondition.asIs()),
                new StringCondition.Nullable<>(where, 1, "name"));
        for (NullableCondition<QueryBuildersTest.Where> condition : conditions) {
            condition.isNull();
            condition.isNotNull();
        }
        assertThat(where.build()).isEqualTo(new Filter.And(List.of(
                new Filter.IsNull(3, true), new Filter.IsNull(3, false),
                new Filter.IsNull(2, true), new Filter.IsNull(2, false),
                new Filter.IsNull(1, true), new Filter.IsNull(1, false))));
    }
}
