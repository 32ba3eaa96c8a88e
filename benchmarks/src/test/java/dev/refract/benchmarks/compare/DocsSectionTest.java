package dev.refract.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocsSectionTest {

    @Test
    void replacesWhatLiesBetweenTheMarkersAndKeepsEverythingElse() {
        String page = "# Benchmarks\n\nBefore.\n\n" + DocsSection.BEGIN + "\n\nold figures\n\n" + DocsSection.END
                + "\n\nAfter.\n";

        String written = DocsSection.replace(page, "new figures\n");

        assertThat(written).isEqualTo("# Benchmarks\n\nBefore.\n\n" + DocsSection.BEGIN + "\n\nnew figures\n\n"
                + DocsSection.END + "\n\nAfter.\n");
    }

    @Test
    void writingTwiceGivesTheSamePage() {
        String page = DocsSection.replace("# Benchmarks\n", "figures");

        assertThat(DocsSection.replace(page, "figures")).isEqualTo(page);
    }

    @Test
    void aPageWithoutTheMarkersGetsANewSectionAtItsEnd() {
        String written = DocsSection.replace("# Benchmarks\n\nText.\n", "figures");

        assertThat(written).startsWith("# Benchmarks\n\nText.\n\n## End-to-end comparison: latest figures\n\n"
                + DocsSection.BEGIN).endsWith("figures\n\n" + DocsSection.END + "\n");
    }
}
