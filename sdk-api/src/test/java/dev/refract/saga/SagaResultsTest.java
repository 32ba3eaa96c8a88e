package dev.refract.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class SagaResultsTest {

    private final SagaResults results = SagaResults.none(List.of("run", "count", "maybe", "later"))
            .with("run", "r1").with("count", 3L).with("maybe", null);

    @Test
    void aCompletedStepsValueIsReadByNameAndType() {
        assertThat(results.get("run", String.class)).isEqualTo("r1");
        assertThat(results.find("run", CharSequence.class)).contains("r1");
        assertThat(results.get("count", long.class)).isEqualTo(3L);
        assertThat(results.steps()).containsExactly("run", "count", "maybe");
    }

    @Test
    void anUnknownStepIsAnErrorNamingTheSagasSteps() {
        assertThatThrownBy(() -> results.get("runs", String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The saga has no step named 'runs': its steps are run, count, maybe, later");
    }

    @Test
    void aStepThatHasNotCompletedIsAnErrorNamingThoseThatHave() {
        assertThatThrownBy(() -> results.find("later", String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Saga step 'later' has not completed")
                .hasMessageContaining("here run, count, maybe");
    }

    @Test
    void aWrongTypeIsAnErrorNamingTheTypeTheStepProduced() {
        assertThatThrownBy(() -> results.get("count", String.class)).isInstanceOf(ClassCastException.class)
                .hasMessageContaining("Saga step 'count' produced a java.lang.Long, not a java.lang.String")
                .hasMessageContaining("get(\"count\", Long.class)");
    }

    @Test
    void aStepThatCompletedEmptyIsFoundEmptyAndGetSaysSo() {
        assertThat(results.completed("maybe")).isTrue();
        assertThat(results.find("maybe", String.class)).isEmpty();
        assertThatThrownBy(() -> results.get("maybe", String.class)).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("read it with find(\"maybe\", String.class)");
    }

    @Test
    void addingAResultLeavesTheEarlierResultsAsTheyWere() {
        SagaResults earlier = SagaResults.none(List.of("run", "later")).with("run", "r1");

        SagaResults later = earlier.with("later", "l1");

        assertThat(earlier.completed("later")).isFalse();
        assertThat(later.get("later", String.class)).isEqualTo("l1");
        assertThat(later.toString()).isEqualTo("SagaResults[run=r1, later=l1]");
    }
}
