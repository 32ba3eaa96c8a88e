package dev.refract.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.ErrorCode;
import dev.refract.error.RelationNotLoadedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelationTest {

    @Test
    void notLoadedThrowsTellingWhichIncludeToAdd() {
        Relation<List<String>> steps = Relation.notLoaded("PipelineRun", "steps");

        assertThat(steps.isLoaded()).isFalse();
        assertThatThrownBy(steps::get).isInstanceOfSatisfying(RelationNotLoadedException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RELATION_NOT_LOADED);
            assertThat(e.getMessage()).contains("PipelineRun.steps").contains("include(i -> i.steps())");
        });
        assertThatThrownBy(steps::find).isInstanceOf(RelationNotLoadedException.class);
    }

    @Test
    void loadedAndEmptyIsNotNotLoaded() {
        Relation<List<String>> steps = Relation.loaded(List.of());

        assertThat(steps.isLoaded()).isTrue();
        assertThat(steps.get()).isEmpty();
        assertThat(steps).isNotEqualTo(Relation.notLoaded("PipelineRun", "steps"));
    }

    @Test
    void loadedToOneWithoutRecordHoldsNull() {
        Relation<String> run = Relation.loaded(null);

        assertThat(run.isLoaded()).isTrue();
        assertThat(run.get()).isNull();
        assertThat(run.find()).isEmpty();
        assertThat(Relation.loaded("run-1").find()).contains("run-1");
    }
}
