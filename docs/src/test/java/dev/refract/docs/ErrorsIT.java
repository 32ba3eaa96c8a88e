package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.RefractClient;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.error.ErrorCode;
import dev.refract.error.RefractException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The samples of the page "Errors and their codes". */
@RefractTestDatabases
class ErrorsIT {

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
    void aBrokenUniqueKeyIsCaughtByItsType() {
        String runId = db.pipelineRun().create(c -> c.name("video")).block().id();
        db.pipelineStep().create(c -> c.runId(runId).position(1).name("script")).block();

        // tag::catchOne[]
        Mono<PipelineStep> step = db.pipelineStep()
                .create(c -> c.runId(runId).position(1).name("script, again"))
                .onErrorResume(UniqueConstraintViolationException.class, e -> {
                    // e.code() is R2002, e.model() "PipelineStep", e.fields() [runId, position]
                    return db.pipelineStep().findUniqueOrThrow(q -> q.where(w -> w.runIdPosition(runId, 1)));
                });
        // end::catchOne[]

        assertThat(step.block().name()).isEqualTo("script");
    }

    @Test
    void everyErrorCarriesItsCodeModelAndFields() {
        String runId = db.pipelineRun().create(c -> c.name("video")).block().id();
        db.pipelineStep().create(c -> c.runId(runId).position(1).name("script")).block();

        Throwable error = db.pipelineStep().create(c -> c.runId(runId).position(1).name("again"))
                .then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block();

        // tag::byCode[]
        if (error instanceof RefractException refract) {
            String what = switch (refract.code()) {
                case UNIQUE_CONSTRAINT_VIOLATION -> "already there: " + refract.model() + " " + refract.fields();
                case RECORD_NOT_FOUND -> "not found: " + refract.model();
                default -> refract.code().code() + ": " + refract.getMessage();
            };
            System.out.println(what);
        }
        // end::byCode[]

        assertThat(error).isInstanceOfSatisfying(UniqueConstraintViolationException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNIQUE_CONSTRAINT_VIOLATION);
            assertThat(e.code().code()).isEqualTo("R2002");
            assertThat(e.model()).isEqualTo("PipelineStep");
            assertThat(e.fields()).containsExactly("runId", "position");
        });
    }
}
