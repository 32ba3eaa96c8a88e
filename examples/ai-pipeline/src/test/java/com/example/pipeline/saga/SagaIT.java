package com.example.pipeline.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.Namespaces;
import com.example.pipeline.db.ContentItem;
import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.Session;
import com.example.pipeline.db.Status;
import com.example.pipeline.servers.DatasourceServers;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.json.Json;
import dev.refract.saga.Saga;
import dev.refract.saga.SagaOutcome;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write across the three datasources as a saga: a run in PostgreSQL, its content item in MongoDB and the
 * session that asked for it in Redis, each step undone by its compensation when a later one fails.
 */
@RefractTestDatabases
class SagaIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TAKEN = "session-already-taken";

    private DatasourceServers servers;
    private RefractClient db;

    @BeforeEach
    void open(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        servers = Namespaces.servers(postgres, mongo, redis);
        db = Namespaces.deployedClient(servers, builder -> { });
        db.session().deleteMany().block(WAIT);
        db.session().create(c -> c.id(TAKEN).userId("linus").data_(Json.of(Map.of("theme", "dark")))).block(WAIT);
    }

    @AfterEach
    void close() {
        db.close();
        servers.close();
    }

    @Test
    void whenTheThirdStepFailsTheFirstTwoAreCompensatedInPostgresqlAndMongodb() {
        SagaOutcome outcome = publishVideo("saga-run-failing", TAKEN).run().block(WAIT);

        assertThat(outcome).isInstanceOfSatisfying(SagaOutcome.Compensated.class, compensated -> {
            assertThat(compensated.failedStep()).isEqualTo("session");
            assertThat(compensated.error()).isInstanceOf(UniqueConstraintViolationException.class);
            assertThat(compensated.compensated()).containsExactly("content", "run");
            assertThat(compensated.results().get("run", PipelineRun.class).id()).isEqualTo("saga-run-failing");
        });
        assertThat(db.pipelineRun().count(q -> q.where(w -> w.id().eq("saga-run-failing"))).block(WAIT))
                .as("the run in PostgreSQL").isZero();
        assertThat(db.contentItem().count(q -> q.where(w -> w.runId().eq("saga-run-failing"))).block(WAIT))
                .as("the content item in MongoDB").isZero();
        assertThat(db.session().findUnique(q -> q.where(w -> w.id(TAKEN))).block(WAIT))
                .as("the session that was there before").extracting(Session::userId).isEqualTo("linus");
    }

    @Test
    void whenEveryStepSucceedsTheRecordsOfAllThreeDatasourcesAreRelated() {
        SagaOutcome outcome = publishVideo("saga-run-committed", "session-new").run().block(WAIT);

        assertThat(outcome.committed()).as("outcome %s", outcome).isTrue();
        List<PipelineRun> runs = db.pipelineRun().findMany(q -> q
                        .where(w -> w.id().eq("saga-run-committed"))
                        .include(i -> i.contentItems(c -> c.include(ci -> ci.session()))))
                .collectList().block(WAIT);
        assertThat(runs).singleElement().satisfies(run -> {
            ContentItem item = run.contentItems().get().get(0);
            assertThat(item.title()).isEqualTo("AI automation explained");
            assertThat(item.session().get().userId()).isEqualTo("ada");
        });
    }

    /**
     * Records a run, then its content item, then the session that asked for it; the session's id comes
     * last, so a taken id makes the third step fail.
     */
    private Saga publishVideo(String runId, String sessionId) {
        return db.saga()
                .step("run",
                        done -> db.pipelineRun().create(c -> c.id(runId).name("video-production").status(Status.COMPLETED)),
                        run -> db.pipelineRun().delete(w -> w.id(run.id())))
                .step("content",
                        done -> db.contentItem().create(c -> c.runId(done.get("run", PipelineRun.class).id())
                                .sessionId(sessionId).type("video").title("AI automation explained")
                                .tags(List.of("ai")).metadata(Json.of(Map.of("words", 1200)))),
                        item -> db.contentItem().delete(w -> w.id(item.id())))
                .step("session",
                        done -> db.session().create(c -> c.id(sessionId).userId("ada")
                                .data_(Json.of(Map.of("theme", "light")))),
                        session -> db.session().delete(w -> w.id(session.id())));
    }
}
