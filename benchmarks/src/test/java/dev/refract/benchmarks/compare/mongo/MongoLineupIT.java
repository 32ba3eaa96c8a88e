package dev.refract.benchmarks.compare.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.benchmarks.compare.Harness;
import dev.refract.benchmarks.compare.Lineups;
import dev.refract.benchmarks.compare.Machine;
import dev.refract.benchmarks.compare.Report;
import dev.refract.benchmarks.compare.Results;
import dev.refract.benchmarks.compare.RunResult;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.benchmarks.compare.Standing;
import dev.refract.benchmarks.compare.Workload;
import dev.refract.meta.Provider;
import dev.refract.spi.AdapterProvider;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The MongoDB lineup at tiny sizes against the test suite's MongoDB server ({@code MONGODB_URL}, else
 * the in-process one): it is found by its key, seeds its own database, and every contender, Refract's
 * MongoDB client included, passes every check of every workload, so the MongoDB rows of the report
 * cannot rot between runs. Without a MongoDB adapter on the class path Refract's client cannot run a
 * MongoDB datasource at all, and the whole class is skipped, saying so.
 */
@RefractTestDatabases
@EnabledIf(value = "hasMongoAdapter", disabledReason = "No MongoDB adapter (an AdapterProvider supporting mongodb) is"
        + " on the class path, so Refract's MongoDB client cannot run: this lineup test runs once sdk-mongo provides"
        + " one; MongoContendersIT checks the raw driver's and Spring Data's contenders meanwhile")
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
                assertThat(runs).allSatisfy(run -> assertThat(run.failure())
                        .as("%s of %s", workload, contender).isNull());
            }
        }
        assertThat(results.heap()).hasSize(8).allSatisfy(heap -> assertThat(heap.failure()).isNull());
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

    /** True when an adapter on the class path serves MongoDB datasources, as Refract's client will look for one. */
    static boolean hasMongoAdapter() {
        for (AdapterProvider provider : ServiceLoader.load(AdapterProvider.class)) {
            if (provider.supports(Provider.MONGODB)) {
                return true;
            }
        }
        return false;
    }
}
