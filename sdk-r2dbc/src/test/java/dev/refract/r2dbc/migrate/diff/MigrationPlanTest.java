package dev.refract.r2dbc.migrate.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationPlanTest {

    private static final DataLossWarning DROPPED_BIO = DataLossWarning.of(new Hazard.DroppedColumn("User", "bio"), 2);
    private static final DataLossWarning DROPPED_TAG = DataLossWarning.of(new Hazard.DroppedTable("Tag"), 1);
    private static final DataLossWarning AGE = DataLossWarning.of(new Hazard.RequiredColumnWithoutDefault("User", "age"), 3);

    @Test
    void aPlanThatLosesNoDataIsApplicable() {
        assertThat(new MigrationPlan(List.of("DROP INDEX \"x\""), List.of(), List.of(), false).applicable()).isTrue();
    }

    @Test
    void dataLossIsRefusedUnlessAcceptedAndTheRefusalNamesEveryWarning() {
        MigrationPlan refused = new MigrationPlan(List.of(), List.of(DROPPED_BIO, DROPPED_TAG), List.of(), false);

        assertThat(refused.applicable()).isFalse();
        assertThatThrownBy(refused::requireApplicable).isInstanceOf(MigrationRefusedException.class)
                .hasMessageContaining("Column bio of table User is dropped, and with it its 2 non-null values.")
                .hasMessageContaining("Table Tag is dropped, and with it its 1 row.")
                .hasMessageContaining("--accept-data-loss");
        assertThat(new MigrationPlan(List.of(), List.of(DROPPED_BIO, DROPPED_TAG), List.of(), true).requireApplicable()
                .applicable()).isTrue();
    }

    @Test
    void aStepThatCannotRunOnTheDataIsRefusedEvenWhenDataLossIsAccepted() {
        MigrationPlan plan = new MigrationPlan(List.of(), List.of(DROPPED_BIO), List.of(AGE), true);

        assertThat(plan.applicable()).isFalse();
        assertThatThrownBy(plan::requireApplicable).isInstanceOf(MigrationRefusedException.class)
                .hasMessageContaining("Cannot add the required column age to table User: the table has 3 rows")
                .hasMessageContaining("Give the field a @default(...)")
                .hasMessageNotContaining("bio");
    }

    @Test
    void theScriptEndsEveryStatement() {
        assertThat(new MigrationPlan(List.of("A", "B"), List.of(), List.of(), false).script()).isEqualTo("A;\n\nB;\n\n");
    }
}
