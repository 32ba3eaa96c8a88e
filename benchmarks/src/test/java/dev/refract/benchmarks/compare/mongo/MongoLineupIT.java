package dev.refract.benchmarks.compare.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Harness;
import dev.refract.benchmarks.compare.Lineups;
import dev.refract.benchmarks.compare.Machine;
import dev.refract.benchmarks.compare.Report;
import dev.refract.benchmarks.compare.Results;
import dev.refract.benchmarks.compare.Role;
import dev.refract.benchmarks.compare.RowSink;
import dev.refract.benchmarks.compare.RunResult;
import dev.refract.benchmarks.compare.Runner;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.benchmarks.compare.Slice;
import dev.refract.benchmarks.compare.Standing;
import dev.refract.benchmarks.compare.Workload;
import dev.refract.test.isolation.MongoNamespace;
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
import reactor.core.publisher.Mono;

/**
 * The MongoDB lineup at tiny sizes against the test suite's MongoDB server ({@code MONGODB_URL}, else
 * the in-process one): it is found by its key, seeds its own database, and every contender, Refract's
 * MongoDB client included, passes every check of every workload, so the MongoDB rows of the report
 * cannot rot between runs. Refract's results go through the same checks as the others': a wrong one is
 * reported, not timed.
 */
@RefractTestDatabases
class MongoLineupIT {

    private static final Settings TINY = Settings.parse("--findUniqueCalls=60", "--inFlight=8", "--streamRows=1200",
            "--smallStreamRows=30", "--includeCalls=2", "--parents=20", "--childrenPerParent=3", "--createCalls=40",
            "--createManyRows=60", "--batchSize=20", "--incrementCalls=40", "--poolSize=4", "--rounds=1",
            "--slices=2", "--heap=in_process");
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static MongoLineup lineup;
    private static Results results;

    @BeforeAll
    static void runTheComparisonAtTinySizes(MongoNamespace mongo) {
        PrintStream log = new PrintStream(LOG, true, StandardCharsets.UTF_8);
        lineup = MongoLineup.start(TINY, mongo, false, log);
        results = new Harness(TINY, log).run(lineup);
    }

    @AfterAll
    static void close() {
        lineup.close();
    }

    @Test
    void theLineupIsFoundByItsKeyBesideTheRelationalOnes() {
        assertThat(Lineups.named("mongodb")).isInstanceOf(MongoLineupProvider.class);
        assertThat(Lineups.all()).extracting(provider -> provider.key()).contains("mongodb", "mysql", "postgresql");
    }

    @Test
    void everyContenderPassesEveryCheckOfEveryWorkload() {
        for (Workload workload : Workload.values()) {
            for (String contender : MongoLineup.CONTENDERS) {
                List<RunResult> runs = results.runs().stream()
                        .filter(run -> run.workload() == workload && run.contender().equals(contender))
                        .toList();
                assertThat(runs).as("%s of %s", workload, contender).extracting(RunResult::round)
                        .containsExactly(0, 1);
                assertThat(runs).allSatisfy(run -> {
                    assertThat(run.failure()).as("%s of %s", workload, contender).isNull();
                    assertThat(run.throughput()).isPositive();
                });
            }
        }
        assertThat(results.heap()).hasSize(8).allSatisfy(heap -> assertThat(heap.failure()).isNull());
    }

    @Test
    void refractsLookUpsOfOtherDocumentsAndACountThatDiffersFromItsRunAreReportedAsWrongResults() {
        Contender refract = lineup.contenders().get(0);
        assertThat(refract).isInstanceOf(RefractContender.class);
        // thirty entries created by Refract's createMany, thirty-one claimed
        lineup.prepare(Workload.CREATE_MANY);
        assertThat(refract.createMany(1_000, 30).block()).isEqualTo(30L);

        String problem = lineup.verify(Workload.CREATE_MANY, 31);
        Slice lookups = new Runner(TINY).run(lineup, new Shifted(refract), Workload.FIND_UNIQUE, 0, 10);

        assertThat(problem).isEqualTo("wrong result: the run created 31 entries, the collection holds 30 documents,"
                + " 30 of them with the values of their data index and a counter of 0");
        assertThat(lookups.failure()).startsWith("wrong result: findUnique of id")
                .contains("returned values that differ from the seeded data");
    }

    @Test
    void anIncrementRunChecksItsCountersAgainstTheSumTheCheckBeforeItCounted() {
        Contender refract = lineup.contenders().get(0);
        lineup.prepare(Workload.INCREMENT);
        refract.increment(7).block();

        String claimedTwo = lineup.verify(Workload.INCREMENT, 2);
        lineup.prepare(Workload.INCREMENT);
        refract.increment(8).block();
        String claimedOne = lineup.verify(Workload.INCREMENT, 1);
        lineup.prepare(Workload.INCREMENT);
        String claimedNone = lineup.verify(Workload.INCREMENT, 0);

        assertThat(claimedTwo).isEqualTo("wrong result: 2 increments added 1 to the counters in the database");
        assertThat(claimedOne).isNull();
        assertThat(claimedNone).isNull();
    }

    @Test
    void theRolesAreTheRelationalOnesAndTheNoteSaysWhichServerItRanOn() {
        assertThat(results.entrants()).extracting(entrant -> entrant.role())
                .containsExactly(Role.REFRACT, Role.RAW, Role.PEER, Role.PEER);
        assertThat(lineup.server()).matches("(mongo-java-server .* in the harness's JVM|MongoDB \\d).*");
        assertThat(results.note()).isEqualTo(lineup.server().startsWith("mongo-java-server")
                ? MongoLineup.IN_PROCESS_NOTE : null);
    }

    @Test
    void theReportNamesTheServerAndTheDriverAndSaysHowToReadAnInProcessServer() {
        assertThat(lineup.versions()).containsKeys("mongodb-driver-reactivestreams", "Spring Data MongoDB");
        Report report = new Report(TINY, Machine.current(), List.of(new Standing(results)), Instant.now(),
                Duration.ofSeconds(1), 1, 1);
        assertThat(report.markdown("chart.svg")).contains("- mongodb: " + lineup.server())
                .contains("mongodb-driver-reactivestreams, hand-written")
                .contains("findUnique: Refract ≥ 0.95 × mongodb-driver-reactivestreams, hand-written");
        if (lineup.server().startsWith("mongo-java-server")) {
            assertThat(report.markdown("chart.svg")).contains(MongoLineup.IN_PROCESS_NOTE);
        }
        assertThat(LOG.toString(StandardCharsets.UTF_8)).contains("mongodb: seeded 1,200 samples");
    }

    /** A contender asked for the document after the one it is given. */
    private record Shifted(Contender inner) implements Contender {
        @Override
        public String key() {
            return "shifted";
        }

        @Override
        public String name() {
            return "shifted";
        }

        @Override
        public Role role() {
            return Role.PEER;
        }

        @Override
        public Mono<Long> findUnique(int id) {
            return inner.findUnique(id % 1200 + 1);
        }

        @Override
        public Mono<Void> stream(int maxId, RowSink sink) {
            return inner.stream(maxId, sink);
        }

        @Override
        public Mono<Long> create(int index) {
            return inner.create(index);
        }

        @Override
        public Mono<Long> createMany(int first, int count) {
            return inner.createMany(first, count);
        }

        @Override
        public Mono<Long> include() {
            return inner.include();
        }

        @Override
        public Mono<Long> increment(int id) {
            return inner.increment(id);
        }

        @Override
        public Mono<Void> close() {
            return Mono.empty();
        }
    }
}
