package com.example.pipeline.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellWithNumbersAlignedRight() {
        String text = TextTable.titled("Cost")
                .columns("pipeline")
                .numberColumns("runs", "cost")
                .row("blog-post", 2, "1.75")
                .row("video-production", 1, "14.20")
                .render();

        assertThat(text).isEqualTo("""
                Cost
                pipeline          runs   cost
                ----------------  ----  -----
                blog-post            2   1.75
                video-production     1  14.20
                """);
    }

    @Test
    void missingCellsShowAsADashAndTrailingBlanksAreCut() {
        String text = TextTable.titled("Runs").columns("run", "content").row("r1", null).row("r2", "video").render();

        assertThat(text).isEqualTo("""
                Runs
                run  content
                ---  -------
                r1   -
                r2   video
                """);
    }

    @Test
    void aTableWithoutRowsSaysSo() {
        assertThat(TextTable.titled("Failed").columns("run").render()).isEqualTo("Failed\nrun\n---\n(none)\n");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefusedNamingTheTable() {
        TextTable table = TextTable.titled("Cost").columns("pipeline", "runs");

        assertThatThrownBy(() -> table.row("blog-post"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"Cost\" has 2 columns")
                .hasMessageContaining("has 1 cells");
    }
}
