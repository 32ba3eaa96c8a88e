package dev.refract.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.benchmarks.compare.postgres.PostgresLineup;
import dev.refract.benchmarks.compare.r2dbc.SqlLineup;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import reactor.core.publisher.Mono;

/**
 * The whole comparison at tiny sizes against the real server, so the harness cannot rot between
 * the runs that fill {@code docs/benchmarks.md}: every contender runs every workload and is checked
 * against the seeded data, the report and the chart come out, and a contender that returns wrong
 * data is reported as failed instead of timed.
 */
@RefractTestDatabases
class CompareHarnessIT {

    private static final Settings TINY = Settings.parse("--findUniqueCalls=60", "--inFlight=8", "--streamRows=300",
            "--smallStreamRows=30", "--includeCalls=2", "--parents=20", "--childrenPerParent=3", "--createCalls=40",
            "--createManyRows=60", "--batchSize=20", "--incrementCalls=40", "--poolSize=4", "--rounds=1", "--slices=2",
            "--heap=off");
    private static final Set<String> ALL = Set.of("refract", "raw", "spring-template", "spring-repository");

    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static SqlLineup lineup;
    private static Results results;

    @BeforeAll
    static void runTheComparisonAtTinySizes(PostgresNamespace postgres) {
        PrintStream log = new PrintStream(LOG, true, StandardCharsets.UTF_8);
        lineup = PostgresLineup.start(TINY, postgres, false, log);
        results = new Harness(TINY, log).run(lineup);
    }

    @AfterAll
    static void close() {
        lineup.close();
    }

    @Test
    void everyContenderRunsEveryWorkloadOnceToWarmUpAndOncePerRoundUntilItFails() {
        for (Workload workload : Workload.values()) {
            for (String contender : ALL) {
                List<RunResult> runs = results.runs().stream()
                        .filter(run -> run.workload() == workload && run.contender().equals(contender))
                        .toList();
                if (runs.get(0).isFailed()) {
                    assertThat(runs).as("%s of %s, failed in the warm-up", workload, contender).hasSize(1);
                } else {
                    assertThat(runs).as("%s of %s", workload, contender).extracting(RunResult::round)
                            .containsExactly(0, 1);
                }
            }
        }
    }

    @Test
    void theRawDriverAndSpringDataPassEveryCheckOfTheirResults() {
        assertThat(results.runs())
                .filteredOn(run -> !run.contender().equals("refract"))
                .allSatisfy(run -> {
                    assertThat(run.failure()).as("%s of %s", run.workload(), run.contender()).isNull();
                    assertThat(run.throughput()).isPositive();
                });
    }

    @Test
    void refractPassesEveryCheckAndItsIncludeLoadsTheChildrenOrIsReportedFailed() {
        for (RunResult run : results.runs()) {
            if (!run.contender().equals("refract")) {
                continue;
            }
            if (run.workload() == Workload.INCLUDE && run.isFailed()) {
                // until the relation loader lands, Refract's include returns the parents alone
                assertThat(run.failure()).contains("wrong result").contains("without its children");
            } else {
                assertThat(run.failure()).as("%s of Refract", run.workload()).isNull();
            }
        }
    }

    @Test
    void perCallWorkloadsHaveLatencyPercentilesAndTheStreamCountsRows() {
        assertThat(results.runs()).filteredOn(run -> !run.isFailed()).allSatisfy(run -> {
            if (run.workload().timedPerCall()) {
                assertThat(run.p50Nanos()).isPositive().isLessThanOrEqualTo(run.p99Nanos());
            } else {
                assertThat(run.p50Nanos()).isEqualTo(-1);
            }
        });
        assertThat(results.runs()).filteredOn(run -> run.workload() == Workload.STREAM && run.round() == 1)
                .extracting(RunResult::units).containsOnly(300L);
        assertThat(results.runs()).filteredOn(run -> run.workload() == Workload.CREATE_MANY && run.round() == 1)
                .allSatisfy(run -> {
                    assertThat(run.units()).isEqualTo(60);
                    // two slices of 30 rows, each in batches of at most 20
                    assertThat(run.calls()).isEqualTo(4);
                    // the process's CPU time moves in ticks of the OS clock: a run of a few milliseconds may show none
                    assertThat(run.cpuNanos()).isNotNegative();
                });
    }

    @Test
    void theHeapOfAStreamIsMeasuredInThisJvmAndInAChildJvm() {
        // the harness measures every contender at two sizes; one of each kind keeps this test quick
        HeapResult here = HeapProbe.inProcess(lineup.contenders().get(1), 300);
        HeapResult child = HeapProbe.inChildJvm(lineup, "refract", 100, TINY);

        assertThat(List.of(here, child)).allSatisfy(heap -> {
            assertThat(heap.failure()).as(heap.contender()).isNull();
            assertThat(heap.baselineBytes()).isPositive();
            assertThat(heap.peakBytes()).isPositive();
        });
        assertThat(child.contender()).isEqualTo("refract");
        assertThat(child.rows()).isEqualTo(100);
    }

    @Test
    void aContenderThatReturnsWrongDataIsReportedFailedNotTimed() {
        Contender raw = lineup.contenders().get(1);
        Contender wrong = new Corrupting(raw);

        Slice lookups = new Runner(TINY).run(lineup, wrong, Workload.FIND_UNIQUE, 0, 60);
        Slice stream = new Runner(TINY).run(lineup, wrong, Workload.STREAM, 0, 300);

        assertThat(lookups.failure()).startsWith("wrong result: findUnique of id")
                .contains(" returned values that differ from the seeded data")
                .endsWith("(60 of 60 calls returned wrong results)");
        assertThat(lookups.nanos()).isZero();
        assertThat(stream.failure()).isEqualTo("wrong result: the stream of ids 1 to 300 delivered rows whose values"
                + " differ from the seeded data");
    }

    @Test
    void theReportGoesBetweenTheMarkersOfTheDocsPageAndTheChartBesideIt(@TempDir Path docs) throws Exception {
        Files.writeString(docs.resolve(DocsSection.PAGE), "# Benchmarks\n\nKept.\n");
        Report report = new Report(TINY, Machine.current(), List.of(new Standing(results)), Instant.now(),
                Duration.ofSeconds(42), 1.5, 2.5);

        DocsSection.write(docs, report);

        String page = Files.readString(docs.resolve(DocsSection.PAGE));
        assertThat(page).startsWith("# Benchmarks\n\nKept.\n").contains(DocsSection.BEGIN).contains(DocsSection.END)
                .contains("| findUnique | **Refract** |").contains("r2dbc-postgresql, hand-written")
                .contains("Spring Data R2DBC, repository").contains("![Refract's throughput as a multiple of each"
                        + " contender's](benchmarks-e2e.svg)")
                .contains("findUnique: Refract ≥ 0.95 × r2dbc-postgresql, hand-written")
                .contains("the run took 42 s");
        Document chart = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(docs.resolve(DocsSection.CHART))));
        assertThat(chart.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(chart.getElementsByTagName("text").getLength()).isGreaterThan(20);
    }

    @Test
    void progressIsReportedRunByRun() {
        assertThat(LOG.toString(StandardCharsets.UTF_8)).contains("postgresql: seeded 300 samples")
                .contains("findUnique       warm-up").contains("round 1").contains("calls/s  p50 ");
    }

    /** A contender whose every fingerprint is off by one. */
    private record Corrupting(Contender inner) implements Contender {
        @Override
        public String key() {
            return "corrupting";
        }

        @Override
        public String name() {
            return "corrupting";
        }

        @Override
        public Role role() {
            return Role.PEER;
        }

        @Override
        public Mono<Long> findUnique(int id) {
            return inner.findUnique(id).map(fingerprint -> fingerprint + 1);
        }

        @Override
        public Mono<Void> stream(int maxId, RowSink sink) {
            return inner.stream(maxId, fingerprint -> sink.accept(fingerprint + 1));
        }

        @Override
        public Mono<Long> create(int index) {
            return inner.create(index).map(fingerprint -> fingerprint + 1);
        }

        @Override
        public Mono<Long> createMany(int first, int count) {
            return inner.createMany(first, count);
        }

        @Override
        public Mono<Long> include() {
            return inner.include().map(fingerprint -> fingerprint + 1);
        }

        @Override
        public Mono<Long> increment(int id) {
            return inner.increment(id).map(fingerprint -> fingerprint + 1);
        }

        @Override
        public Mono<Void> close() {
            return Mono.empty();
        }
    }
}
