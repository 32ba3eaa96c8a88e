package dev.refract.r2dbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.PipelineRunAggregate;
import com.example.pipeline.db.PipelineRunField;
import com.example.pipeline.db.PipelineRunGroup;
import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.RefractClientMetadata;
import com.example.pipeline.db.Status;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two queries the seed's design names, written exactly as it writes them, against real
 * PostgreSQL: the cost of completed runs grouped by pipeline name, and the failed runs of the last
 * day with their steps in the order they were created.
 */
@RefractTestDatabases
class SeedQueriesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final PipelineRunAggregate.Avg NO_AVG = new PipelineRunAggregate.Avg(null);
    private static final PipelineRunAggregate.Bounds NO_BOUNDS = new PipelineRunAggregate.Bounds(null, null, null, null,
            null);
    private static final PipelineRunAggregate.Counts NO_COUNTS = new PipelineRunAggregate.Counts(null, null, null, null,
            null, null, null);

    private static RefractClient db;

    @BeforeAll
    static void pushAndConnect(PostgresNamespace postgres) {
        ClientFixture.push(RefractClientMetadata.SCHEMA, 0, postgres);
        db = RefractClient.builder().datasource("db", postgres.r2dbcUrl()).build();
    }

    @AfterAll
    static void close() {
        db.closeAsync().block(WAIT);
    }

    @BeforeEach
    void emptyTables() {
        // Steps go with their runs: the relation cascades on delete.
        db.pipelineRun().deleteMany().block(WAIT);
    }

    private static PipelineRun run(String id, String name, Status status, double cost, Instant startedAt) {
        return db.pipelineRun().create(c -> c.id(id).name(name).status(status).cost(cost).startedAt(startedAt))
                .block(WAIT);
    }

    private static PipelineStep step(String id, String runId, int position, Instant createdAt) {
        return db.pipelineStep().create(c -> c.id(id).runId(runId).position(position).name("step-" + position)
                .createdAt(createdAt)).block(WAIT);
    }

    private static PipelineRunGroup costOf(String name, long runs, double cost) {
        return new PipelineRunGroup(null, name, null, null, null, null, runs, new PipelineRunAggregate.Sum(cost), NO_AVG,
                NO_BOUNDS, NO_BOUNDS, NO_COUNTS);
    }

    @Test
    void theCostOfCompletedRunsGroupedByPipelineName() {
        Instant now = Instant.now();
        run("r1", "video-production", Status.COMPLETED, 1.5, now);
        run("r2", "video-production", Status.COMPLETED, 2.25, now);
        run("r3", "video-production", Status.FAILED, 100, now);
        run("r4", "podcast", Status.COMPLETED, 0.75, now);
        run("r5", "blog", Status.RUNNING, 3, now);
        run("r6", "blog", Status.PENDING, 4, now);

        List<PipelineRunGroup> costs = db.pipelineRun().groupBy(g -> g
                .by(PipelineRunField.NAME).sum(PipelineRunField.COST).count()
                .where(w -> w.status().eq(Status.COMPLETED))).collectList().block(WAIT);

        assertThat(costs).containsExactlyInAnyOrder(costOf("video-production", 2, 3.75), costOf("podcast", 1, 0.75));
    }

    @Test
    void theFailedRunsOfTheLastDayWithTheirStepsInTheOrderTheyWereCreated() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        run("recent", "video-production", Status.FAILED, 1, now.minus(Duration.ofHours(2)));
        run("bare", "podcast", Status.FAILED, 1, now.minus(Duration.ofHours(23)));
        run("old", "video-production", Status.FAILED, 1, now.minus(Duration.ofDays(2)));
        run("fine", "video-production", Status.COMPLETED, 1, now.minus(Duration.ofHours(1)));
        // created out of position order, so the order of creation is the one to check
        PipelineStep render = step("s-render", "recent", 3, now.minus(Duration.ofMinutes(30)));
        PipelineStep script = step("s-script", "recent", 1, now.minus(Duration.ofMinutes(90)));
        PipelineStep voice = step("s-voice", "recent", 2, now.minus(Duration.ofMinutes(60)));
        step("s-old", "old", 1, now.minus(Duration.ofDays(2)));
        step("s-fine", "fine", 1, now.minus(Duration.ofMinutes(50)));

        List<PipelineRun> failed = db.pipelineRun().findMany(q -> q
                .where(w -> w.status().eq(Status.FAILED)
                             .startedAt().gte(Instant.now().minus(Duration.ofDays(1))))
                .include(i -> i.steps(s -> s.orderBy(o -> o.createdAt().asc())))).collectList().block(WAIT);

        assertThat(failed).extracting(PipelineRun::id).containsExactlyInAnyOrder("recent", "bare");
        List<PipelineRun> byId = failed.stream().sorted(Comparator.comparing(PipelineRun::id)).toList();
        assertThat(byId.get(0).steps().get()).as("bare has no steps").isEmpty();
        assertThat(byId.get(1).steps().get()).containsExactly(script, voice, render);
    }
}
