package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.Status;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.json.Json;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The Refract side of the page "Coming from Prisma". */
@RefractTestDatabases
class FromPrismaIT {

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
    void aQueryWithFilterOrderAndInclude() {
        db.pipelineRun().create(c -> c.id("failed-1").name("video").status(Status.FAILED)
                .steps(s -> s.create(st -> st.position(2).name("voice-over")).create(st -> st.position(1).name("script"))))
                .block();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));

        // tag::findMany[]
        Flux<PipelineRun> failed = db.pipelineRun().findMany(q -> q
                .where(w -> w.status().eq(Status.FAILED).startedAt().gte(yesterday))
                .orderBy(o -> o.startedAt().desc())
                .take(50)
                .include(i -> i.steps(s -> s.orderBy(o -> o.position().asc()))));
        // end::findMany[]

        assertThat(failed.blockFirst().steps().get()).extracting(PipelineStep::position).containsExactly(1, 2);
        db.pipelineRun().delete(w -> w.id("failed-1")).block();
    }

    @Test
    void aWriteThenAnAtomicUpdate() {
        // tag::createThenUpdate[]
        Mono<PipelineRun> updated = db.pipelineRun()
                .create(c -> c.name("video-production").status(Status.RUNNING)
                        .metadata(Json.of(Map.of("topic", "AI automation"))))
                .flatMap(run -> db.pipelineRun().update(
                        w -> w.id(run.id()),
                        d -> d.cost().increment(0.25)));
        // end::createThenUpdate[]

        PipelineRun run = updated.block();
        assertThat(run.cost()).isEqualTo(0.25);
        db.pipelineRun().delete(w -> w.id(run.id())).block();
    }

    @Test
    void anErrorCaughtByItsKind() {
        String runId = db.pipelineRun().create(c -> c.name("video")).block().id();
        db.pipelineStep().create(c -> c.runId(runId).position(1).name("script")).block();

        // tag::uniqueError[]
        Mono<Boolean> created = db.pipelineStep()
                .create(c -> c.runId(runId).position(1).name("script"))
                .map(step -> true)
                .onErrorResume(UniqueConstraintViolationException.class, e -> Mono.just(false));   // taken
        // end::uniqueError[]

        assertThat(created.block()).isFalse();
        db.pipelineRun().delete(w -> w.id(runId)).block();
    }
}
