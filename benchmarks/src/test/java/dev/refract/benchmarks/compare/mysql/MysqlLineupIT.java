package dev.refract.benchmarks.compare.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.benchmarks.compare.Harness;
import dev.refract.benchmarks.compare.Lineups;
import dev.refract.benchmarks.compare.Machine;
import dev.refract.benchmarks.compare.Report;
import dev.refract.benchmarks.compare.Results;
import dev.refract.benchmarks.compare.RunResult;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.benchmarks.compare.Standing;
import dev.refract.benchmarks.compare.Warmup;
import dev.refract.benchmarks.compare.Workload;
import dev.refract.benchmarks.compare.r2dbc.SqlLineup;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MySQL lineup at tiny sizes against the test suite's MySQL or MariaDB server: it is found by
 * its key, seeds its own database, and every contender, Refract's MySQL client included, passes
 * every check of every workload, so the MySQL rows of the report cannot rot between runs.
 */
@RefractTestDatabases
class MysqlLineupIT {

    private static final Settings TINY = Settings.parse("--findUniqueCalls=60", "--inFlight=8", "--streamRows=1200",
            "--smallStreamRows=30", "--includeCalls=2", "--parents=20", "--childrenPerParent=3", "--createCalls=40",
            "--createManyRows=60", "--batchSize=20", "--incrementCalls=40", "--poolSize=4", "--rounds=1",
            "--slices=2", "--heap=in_process");
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static SqlLineup lineup;
    private static Results results;

    @BeforeAll
    static void runTheComparisonAtTinySizes(MysqlNamespace mysql) {
        PrintStream log = new PrintStream(LOG, true, StandardCharsets.UTF_8);
        lineup = MysqlLineup.start(TINY, mysql, false, log);
        results = new Harness(TINY, log).run(lineup);
    }

    @AfterAll
    static void close() {
        lineup.close();
    }

    @Test
    void theLineupIsFoundByItsKeyBesideThePostgresOne() {
        assertThat(Lineups.named("mysql")).isInstanceOf(MysqlLineupProvider.class);
        assertThat(Lineups.all()).extracting(provider -> provider.key()).contains("mysql", "postgresql");
    }

    @Test
    void everyContenderPassesEveryCheckOfEveryWorkload() {
        for (Workload workload : Workload.values()) {
            for (String contender : SqlLineup.CONTENDERS) {
                List<RunResult> runs = results.runs().stream()
                        .filter(run -> run.workload() == workload && run.contender().equals(contender))
                        .toList();
                assertThat(runs).as("%s of %s", workload, contender).extracting(RunResult::round)
                        .containsExactly(0, 1);
                assertThat(runs).allSatisfy(run -> assertThat(run.failure())
                        .as("%s of %s", workload, contender).isNull());
            }
        }
        assertThat(results.heap()).hasSize(8).allSatisfy(heap -> assertThat(heap.failure()).isNull());
    }

    @Test
    void everyContenderWarmsUpByTheRuleBeforeItIsMeasured() {
        Warmup rule = TINY.warmup();
        int lookups = TINY.findUniqueCalls();
        assertThat(results.runs()).filteredOn(run -> run.workload() == Workload.FIND_UNIQUE && run.round() == 0)
                .hasSize(SqlLineup.CONTENDERS.size())
                .allSatisfy(run -> assertThat(run.calls()).as(run.contender())
                        .isBetween((long) Warmup.MIN_SLICES * rule.sliceSize(lookups),
                                (long) rule.maxSlices(lookups) * rule.sliceSize(lookups)));
        assertThat(LOG.toString(StandardCharsets.UTF_8)).containsPattern("mysql findUnique +warm-up .* \\d+ slices");
    }

    @Test
    void theReportNamesTheServerAndTheMysqlDriver() {
        assertThat(lineup.server()).matches("(MariaDB|MySQL) \\d+\\.\\d+\\.\\d+, .*");
        assertThat(lineup.versions()).containsKey("r2dbc-mysql").doesNotContainKey("r2dbc-postgresql");
        Report report = new Report(TINY, Machine.current(), List.of(new Standing(results)), Instant.now(),
                Duration.ofSeconds(1), 1, 1);
        assertThat(report.markdown("chart.svg")).contains("- mysql: " + lineup.server())
                .contains("r2dbc-mysql, hand-written").contains("findUnique: Refract ≥ 0.95 × r2dbc-mysql, hand-written");
        assertThat(LOG.toString(StandardCharsets.UTF_8)).contains("mysql: seeded 1,200 samples");
    }

    @Test
    void theNumbersOfTheSeedCoverEveryPlaceOfTheirDigits() {
        assertThat(MysqlLineup.numbers(1_000, "g")).contains("d2.d * 100 + d1.d * 10 + d0.d * 1 + 1")
                .doesNotContain("d3").contains("g <= 1000");
        assertThat(MysqlLineup.numbers(1_001, "g")).contains("d3.d * 1000");
        assertThat(MysqlLineup.server("10.11.19-MariaDB-0+deb12u1")).isEqualTo("MariaDB 10.11.19");
        assertThat(MysqlLineup.server("8.4.3")).isEqualTo("MySQL 8.4.3");
    }
}
