package dev.refract.benchmarks.compare.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.benchmarks.compare.Harness;
import dev.refract.benchmarks.compare.Lineups;
import dev.refract.benchmarks.compare.Results;
import dev.refract.benchmarks.compare.RunResult;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.benchmarks.compare.Standing;
import dev.refract.benchmarks.compare.Workload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cache lineup at tiny sizes against the test suite's PostgreSQL and Redis servers: it is found by its
 * key, runs the look-up only, every contender passes every check, and Refract's look-ups are warm hits,
 * so the cache rows of the report cannot rot between runs.
 */
class CacheLineupIT {

    private static final Settings TINY = new CacheLineupProvider().settings(Settings.parse("--findUniqueCalls=200",
            "--inFlight=8", "--streamRows=300", "--smallStreamRows=30", "--poolSize=4", "--rounds=1", "--slices=2"));
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static CacheLineup lineup;
    private static Results results;

    @BeforeAll
    static void runTheComparisonAtTinySizes() {
        PrintStream log = new PrintStream(LOG, true, StandardCharsets.UTF_8);
        lineup = CacheLineup.start(TINY, log);
        results = new Harness(TINY, log).run(lineup);
    }

    @AfterAll
    static void close() {
        lineup.close();
    }

    @Test
    void theLineupIsFoundByItsKeyAndRunsTheLookUpOnly() {
        assertThat(Lineups.named("cache")).isInstanceOf(CacheLineupProvider.class);
        assertThat(new CacheLineupProvider().workloads()).containsExactly(Workload.FIND_UNIQUE);
        assertThat(TINY.workloads()).containsExactly(Workload.FIND_UNIQUE);
        assertThat(TINY.streamRows()).isEqualTo(300);
    }

    @Test
    void everyContenderPassesEveryCheckAndRefractsLookUpsAreWarmHits() {
        for (String contender : CacheLineup.CONTENDERS) {
            List<RunResult> runs = results.runs().stream().filter(run -> run.contender().equals(contender)).toList();
            assertThat(runs).as(contender).extracting(RunResult::round).containsExactly(0, 1);
            assertThat(runs).allSatisfy(run -> {
                assertThat(run.workload()).isEqualTo(Workload.FIND_UNIQUE);
                assertThat(run.failure()).as(contender).isNull();
                assertThat(run.throughput()).isPositive();
            });
        }
        assertThat(lineup.verify(Workload.FIND_UNIQUE, 0)).isNull();
        assertThat(results.heap()).isEmpty();
    }

    @Test
    void theReportGivesRefractsRatioToTheDatabaseAndToTheHandWrittenGet() {
        Standing standing = new Standing(results);

        assertThat(standing.figures(Workload.FIND_UNIQUE)).extracting(figure -> figure.entrant().key())
                .containsExactly("refract", "refract-primary", "raw");
        assertThat(standing.figures(Workload.FIND_UNIQUE).subList(1, 3))
                .allSatisfy(figure -> assertThat(figure.ratio()).isPositive());
        assertThat(results.note()).contains("Every look-up is a warm hit").contains("300 records")
                .contains("bytes of field names and values").contains("JSON string of");
        assertThat(results.server()).startsWith("Redis ").contains("PostgreSQL");
    }
}
