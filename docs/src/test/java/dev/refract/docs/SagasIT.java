package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.ContentItem;
import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.Status;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.error.CrossDatasourceTransactionException;
import dev.refract.error.SagaFailedException;
import dev.refract.json.Json;
import dev.refract.saga.Saga;
import dev.refract.saga.SagaOutcome;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The samples of the sagas section of "Transactions": work across PostgreSQL, MongoDB and Redis. */
@RefractTestDatabases
class SagasIT {

    private static RefractClient db;

    @BeforeAll
    static void open(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        PipelineDatabases.createTables(postgres);
        db = PipelineDatabases.open(postgres, mongo, redis);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aTransactionCannotReachAnotherDatasource() {
        // tag::crossDatasource[]
        Flux<ContentItem> refused = db.transaction(tx -> tx.pipelineRun()
                .create(c -> c.name("video-production"))
                .flatMap(run -> tx.contentItem().create(c -> c.runId(run.id()).type("script")
                        .title("Draft").tags(List.of()).metadata(Json.of(Map.of())))));
        // signals CrossDatasourceTransactionException (R2041): ContentItem lives in datasource 'docs'
        // end::crossDatasource[]

        assertThat(refused.materialize().blockFirst().getThrowable())
                .isInstanceOf(CrossDatasourceTransactionException.class)
                .hasMessageContaining("cannot run an operation on ContentItem, which belongs to");
        assertThat(db.pipelineRun().count().block()).isZero();   // rolled back
    }

    @Test
    void aSagaCommitsStepByStep() {
        // tag::saga[]
        Saga publish = db.saga()
                .step("run",
                        done -> db.pipelineRun().create(c -> c.name("video-production").status(Status.RUNNING)),
                        run -> db.pipelineRun().delete(w -> w.id(run.id())))
                .step("content",
                        done -> db.contentItem().create(c -> c
                                .runId(done.get("run", PipelineRun.class).id())
                                .type("script").title("The pipeline explained")
                                .tags(List.of("ai")).metadata(Json.of(Map.of()))),
                        item -> db.contentItem().delete(w -> w.id(item.id())))
                .step("finish",
                        done -> db.pipelineRun().update(
                                w -> w.id(done.get("run", PipelineRun.class).id()),
                                d -> d.status(Status.COMPLETED)));

        Mono<SagaOutcome> outcome = publish.run();   // cold: each subscription runs the saga again
        // end::saga[]

        // tag::outcome[]
        SagaOutcome result = outcome.block();
        if (result instanceof SagaOutcome.Committed committed) {
            PipelineRun run = committed.results().get("finish", PipelineRun.class);
            System.out.println("published " + run.id());
        } else if (result instanceof SagaOutcome.Compensated compensated) {
            System.out.println(compensated.failedStep() + " failed, undone: " + compensated.compensated());
        } else if (result instanceof SagaOutcome.CompensationFailed failed) {
            System.err.println("left in effect, to repair: " + failed.notCompensated());
        }
        // end::outcome[]

        assertThat(result.committed()).isTrue();
        assertThat(db.contentItem().count().block()).isEqualTo(1);
        assertThat(db.pipelineRun().findFirstOrThrow(q -> q.where(w -> w.name().eq("video-production"))).block().status())
                .isEqualTo(Status.COMPLETED);
        db.pipelineRun().deleteMany().block();
        db.contentItem().deleteMany().block();
    }

    @Test
    void aFailedStepUndoesTheStepsBeforeItInReverseOrder() {
        // tag::failing[]
        Mono<SagaOutcome> outcome = db.saga()
                .step("run",
                        done -> db.pipelineRun().create(c -> c.name("video-production")),
                        run -> db.pipelineRun().delete(w -> w.id(run.id())))
                .step("content",
                        done -> db.contentItem().create(c -> c
                                .runId(done.get("run", PipelineRun.class).id())
                                .type("script").title("Draft").tags(List.of()).metadata(Json.of(Map.of()))),
                        item -> db.contentItem().delete(w -> w.id(item.id())))
                .step("session",
                        done -> db.session().update(w -> w.id("no-such-session"), d -> d.userId("ada")))  // fails
                .run();
        // end::failing[]

        SagaOutcome result = outcome.block();
        assertThat(result).isInstanceOfSatisfying(SagaOutcome.Compensated.class, compensated -> {
            assertThat(compensated.failedStep()).isEqualTo("session");
            assertThat(compensated.compensated()).containsExactly("content", "run");
        });
        assertThat(db.pipelineRun().count().block()).isZero();
        assertThat(db.contentItem().count().block()).isZero();

        // tag::orError[]
        Mono<PipelineRun> published = outcome
                .flatMap(SagaOutcome::committedOrError)                 // SagaFailedException (R2044) unless committed
                .map(results -> results.get("run", PipelineRun.class));
        // end::orError[]
        assertThat(published.materialize().block().getThrowable())
                .isInstanceOf(SagaFailedException.class);
    }
}
