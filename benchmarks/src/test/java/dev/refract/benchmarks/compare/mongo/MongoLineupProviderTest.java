package dev.refract.benchmarks.compare.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.benchmarks.compare.Entrant;
import dev.refract.benchmarks.compare.Machine;
import dev.refract.benchmarks.compare.Report;
import dev.refract.benchmarks.compare.Results;
import dev.refract.benchmarks.compare.Role;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.benchmarks.compare.Standing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MongoDB lineup's own sizes: smaller than the run's defaults, given way to the command line, and said in the report. */
class MongoLineupProviderTest {

    private final MongoLineupProvider provider = new MongoLineupProvider();

    @Test
    void itsDefaultSizesAreItsOwnWithATenthOfTheStreamAndAQuarterOfTheParents() {
        Settings run = Settings.parse();
        Settings own = provider.settings(run);

        assertThat(own.findUniqueCalls()).isEqualTo(10_000);
        assertThat(own.streamRows()).isEqualTo(run.streamRows() / 10);
        assertThat(own.includeCalls()).isEqualTo(run.includeCalls() / 10);
        assertThat(own.createCalls()).isEqualTo(2_500);
        assertThat(own.createManyRows()).isEqualTo(5_000);
        assertThat(own.incrementCalls()).isEqualTo(5_000);
        assertThat(own.parents()).isEqualTo(run.parents() / 4);
        assertThat(List.of(own.inFlight(), own.childrenPerParent(), own.batchSize(), own.smallStreamRows(),
                own.poolSize(), own.fetchSize(), own.rounds()))
                .containsExactly(run.inFlight(), run.childrenPerParent(), run.batchSize(), run.smallStreamRows(),
                        run.poolSize(), run.fetchSize(), run.rounds());
    }

    @Test
    void sizesGivenOnTheCommandLineApplyAsTheyAre() {
        Settings own = provider.settings(Settings.parse("--streamRows=1000000", "--findUniqueCalls=500"));

        assertThat(own.streamRows()).isEqualTo(1_000_000);
        assertThat(own.findUniqueCalls()).isEqualTo(500);
        assertThat(own.createCalls()).isEqualTo(2_500);
    }

    @Test
    void theReportSaysTheSizesOfALineupThatRanWithItsOwn() {
        Settings run = Settings.parse();
        Results results = new Results("mongodb", "MongoDB 8.0.4, url db.example:27017 (database compare)", Map.of(),
                List.of(new Entrant("refract", "Refract", Role.REFRACT)), List.of(), List.of(), "A note.",
                provider.settings(run).describe());

        String markdown = new Report(run, Machine.current(), List.of(new Standing(results)), Instant.now(),
                Duration.ofSeconds(1), 1, 1).markdown("chart.svg");

        assertThat(markdown).contains("  - its own sizes: 10,000 look-ups by id with 64 in flight; a 100,000-row stream")
                .contains("\nA note.\n");
    }
}
