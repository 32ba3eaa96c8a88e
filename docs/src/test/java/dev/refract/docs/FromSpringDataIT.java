package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.Status;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** The Refract side of the page "Coming from Spring Data". */
@RefractTestDatabases
class FromSpringDataIT {

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
    void aDerivedQueryIsABuiltOne() {
        db.pipelineRun().create(c -> c.id("failed-1").name("video").status(Status.FAILED)).block();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));

        // tag::query[]
        Flux<PipelineRun> failed = db.pipelineRun().findMany(q -> q
                .where(w -> w.status().eq(Status.FAILED).startedAt().gt(yesterday))
                .orderBy(o -> o.startedAt().desc()));
        // end::query[]

        assertThat(failed.collectList().block()).extracting(PipelineRun::id).containsExactly("failed-1");
        db.pipelineRun().delete(w -> w.id("failed-1")).block();
    }

    @Test
    void relatedRecordsComeInOneMoreStatement() {
        db.pipelineRun().create(c -> c.id("failed-2").name("video").status(Status.FAILED)
                .steps(s -> s.create(st -> st.position(1).name("script")))).block();

        // tag::include[]
        Flux<PipelineRun> withSteps = db.pipelineRun().findMany(q -> q
                .where(w -> w.status().eq(Status.FAILED))
                .include(i -> i.steps(s -> s.orderBy(o -> o.position().asc()))));   // one statement for all runs
        // end::include[]

        assertThat(withSteps.blockFirst().steps().get()).hasSize(1);
        db.pipelineRun().delete(w -> w.id("failed-2")).block();
    }

    @Test
    void aTransactionIsAFunctionOfTheClient() {
        // tag::transaction[]
        Flux<PipelineRun> run = db.transaction(tx -> tx.pipelineRun()
                .create(c -> c.name("video-production"))
                .flatMap(saved -> tx.pipelineStep()
                        .create(c -> c.runId(saved.id()).position(1).name("script"))
                        .thenReturn(saved)));
        // end::transaction[]

        PipelineRun saved = run.blockLast();
        assertThat(db.pipelineStep().count(q -> q.where(w -> w.runId().eq(saved.id()))).block()).isEqualTo(1);
        db.pipelineRun().delete(w -> w.id(saved.id())).block();
    }
}
