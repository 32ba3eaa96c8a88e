package dev.refract.r2dbc.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.PipelineRunWhere;
import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.PipelineStepCreate;
import com.example.pipeline.db.PipelineStepWhere;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.RefractClientMetadata;
import com.example.pipeline.db.Status;
import dev.refract.json.Json;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * {@code createManyAndReturn} and {@code updateManyAndReturn} through the generated seed client
 * against PostgreSQL: both return the rows as stored, and the field comparison and JSON path
 * conditions of the where builders select the rows they name.
 */
@RefractTestDatabases
class ReturningManyWritesIT {

    private static RefractClient db;

    @BeforeAll
    static void pushAndConnect(PostgresNamespace postgres) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl())).block();
        db = RefractClient.builder().datasource("db", postgres.r2dbcUrl()).build();
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    private static String newRun(String name) {
        return db.pipelineRun().create(c -> c.name(name)).map(PipelineRun::id).block();
    }

    @Test
    void createManyAndReturnReturnsEveryStoredRowWithItsDefaults(PostgresNamespace postgres) {
        String run = newRun("create-and-return");

        StepVerifier.create(db.pipelineStep().createManyAndReturn(List.of(
                        new PipelineStepCreate().runId(run).position(1).name("script"),
                        new PipelineStepCreate().id("step-voice").runId(run).position(2).name("voice").attempts(3)))
                        .collectSortedList(Comparator.comparing(PipelineStep::position)))
                .assertNext(steps -> {
                    assertThat(steps).extracting(PipelineStep::name).containsExactly("script", "voice");
                    assertThat(steps.get(0).id()).as("uuid(7) filled in by the client").hasSize(36);
                    assertThat(steps.get(1).id()).isEqualTo("step-voice");
                    assertThat(steps).extracting(PipelineStep::status).containsOnly(Status.PENDING);
                    assertThat(steps).extracting(PipelineStep::attempts).containsExactly(0, 3);
                    assertThat(steps).allSatisfy(step -> assertThat(step.createdAt()).isNotNull());
                    assertThat(stored(postgres, run)).containsExactlyInAnyOrderEntriesOf(
                            Map.of(steps.get(0).id(), 0, "step-voice", 3));
                })
                .verifyComplete();
    }

    @Test
    void createManyAndReturnSkippingDuplicatesReturnsOnlyTheRowsItInserted(PostgresNamespace postgres) {
        String run = newRun("skip-duplicates");
        db.pipelineStep().createMany(List.of(new PipelineStepCreate().runId(run).position(1).name("first"))).block();

        StepVerifier.create(db.pipelineStep().createManyAndReturn(List.of(
                        new PipelineStepCreate().runId(run).position(1).name("duplicate"),
                        new PipelineStepCreate().runId(run).position(2).name("second")), true))
                .assertNext(step -> assertThat(step.name()).isEqualTo("second"))
                .verifyComplete();
        assertThat(stored(postgres, run)).hasSize(2);
    }

    @Test
    void updateManyAndReturnReturnsEveryUpdatedRowAsStoredAfterTheUpdate() {
        String run = newRun("update-and-return");
        String other = newRun("untouched");
        db.pipelineStep().createMany(List.of(
                new PipelineStepCreate().runId(run).position(1).name("a").attempts(1),
                new PipelineStepCreate().runId(run).position(2).name("b").attempts(5),
                new PipelineStepCreate().runId(other).position(1).name("c"))).block();

        StepVerifier.create(db.pipelineStep().updateManyAndReturn(w -> w.runId().eq(run),
                                d -> d.attempts().increment(1).status(Status.FAILED))
                        .collectSortedList(Comparator.comparing(PipelineStep::position)))
                .assertNext(steps -> {
                    assertThat(steps).extracting(PipelineStep::name).containsExactly("a", "b");
                    assertThat(steps).extracting(PipelineStep::attempts).containsExactly(2, 6);
                    assertThat(steps).extracting(PipelineStep::status).containsOnly(Status.FAILED);
                })
                .verifyComplete();
        StepVerifier.create(db.pipelineStep().findMany(q -> q.where(w -> w.runId().eq(other))))
                .assertNext(step -> assertThat(step.attempts()).isZero())
                .verifyComplete();
    }

    @Test
    void updateManyAndReturnSetsUpdatedAtAndReturnsNothingWhenNothingMatches() {
        String run = newRun("updated-at");
        PipelineRun before = db.pipelineRun().findUniqueOrThrow(q -> q.where(w -> w.id(run))).block();

        StepVerifier.create(db.pipelineRun().updateManyAndReturn(w -> w.id().eq(run), d -> d.cost().increment(2.5)))
                .assertNext(updated -> {
                    assertThat(updated.cost()).isEqualTo(2.5);
                    assertThat(updated.updatedAt()).isAfterOrEqualTo(before.updatedAt());
                })
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().updateManyAndReturn(w -> w.id().eq("no-such-run"), d -> d.cost(1.0)))
                .verifyComplete();
    }

    @Test
    void fieldComparisonsAndJsonPathsSelectTheRowsTheyName() {
        String run = newRun("filters");
        db.pipelineStep().createMany(List.of(
                new PipelineStepCreate().runId(run).position(1).name("retried").attempts(4)
                        .output(Json.of(Map.of("model", Map.of("name", "gpt-4o"), "tags", List.of("fast", "cheap")))),
                new PipelineStepCreate().runId(run).position(5).name("calm").attempts(1)
                        .output(Json.of(Map.of("model", Map.of("name", "claude"), "tags", List.of("slow"))))))
                .block();

        StepVerifier.create(db.pipelineStep().findMany(q -> q.where(w -> w.runId().eq(run)
                        .attempts().gt(PipelineStepWhere.POSITION))).map(PipelineStep::name))
                .expectNext("retried")
                .verifyComplete();
        StepVerifier.create(db.pipelineStep().findMany(q -> q.where(w -> w.runId().eq(run)
                        .output().path("model", "name").stringStartsWith("clau"))).map(PipelineStep::name))
                .expectNext("calm")
                .verifyComplete();
        StepVerifier.create(db.pipelineStep().findMany(q -> q.where(w -> w.runId().eq(run)
                        .output().path("tags").arrayContains(Json.of("fast")))).map(PipelineStep::name))
                .expectNext("retried")
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().count(q -> q.where(w -> w.id().eq(run)
                        .updatedAt().gte(PipelineRunWhere.STARTED_AT))))
                .expectNext(1L)
                .verifyComplete();
    }

    /** Each step of {@code run} with its attempts, read back over JDBC. */
    private static Map<String, Integer> stored(PostgresNamespace postgres, String run) {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT id, attempts FROM pipeline_steps WHERE \"runId\" = '" + run + "'")) {
            Map<String, Integer> steps = new java.util.HashMap<>();
            while (rows.next()) {
                steps.put(rows.getString(1), rows.getInt(2));
            }
            return steps;
        } catch (SQLException e) {
            throw new IllegalStateException("reading pipeline_steps back failed", e);
        }
    }
}
