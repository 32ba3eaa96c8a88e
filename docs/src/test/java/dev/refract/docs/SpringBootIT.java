package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.Status;
import dev.refract.boot.autoconfigure.RefractClientOptionsCustomizer;
import dev.refract.client.ClientOptions;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.micrometer.context.ContextRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The samples of the page "Spring Boot": a controller, a customizer and context propagation. */
@RefractTestDatabases
class SpringBootIT {

    /** A request's id, as an application keeps it for its log lines. */
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

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
    void theControllerAnswersWithTheRunsOfTheClient() {
        db.pipelineRun().create(c -> c.id("failed-1").name("video").status(Status.FAILED)).block();
        WebTestClient http = WebTestClient.bindToController(new RunController(db), new RunStreamController(db)).build();

        String failed = http.get().uri("/runs/failed").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(failed).startsWith("[{\"id\":\"failed-1\",\"name\":\"video\",\"status\":\"FAILED\"");
        String lines = http.get().uri("/runs").accept(MediaType.APPLICATION_NDJSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(lines.lines()).singleElement().satisfies(line -> assertThat(line).contains("\"id\":\"failed-1\""));
        db.pipelineRun().delete(w -> w.id("failed-1")).block();
    }

    @Test
    void aCustomizerChangesTheOptionsOfTheClient() {
        ClientOptions.Builder options = ClientOptions.builder();

        new Customizers().fixedClock().customize(options);

        assertThat(options.build().clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aThreadLocalReachesTheDriverThreadsWhenTheCallCapturesIt() {
        Hooks.enableAutomaticContextPropagation();
        try {
            // tag::registerThreadLocal[]
            ContextRegistry.getInstance().registerThreadLocalAccessor("requestId",
                    REQUEST_ID::get, REQUEST_ID::set, REQUEST_ID::remove);
            // end::registerThreadLocal[]
            String runId = db.pipelineRun().create(c -> c.name("traced")).block().id();
            String id = "request-42";

            // tag::captureThreadLocal[]
            REQUEST_ID.set(id);
            Mono<String> requestOfTheRow = db.pipelineRun().findUnique(q -> q.where(w -> w.id(runId)))
                    .publishOn(Schedulers.parallel())
                    .map(found -> REQUEST_ID.get())   // on another thread: the caller's value
                    .contextCapture();
            // end::captureThreadLocal[]

            assertThat(requestOfTheRow.block()).isEqualTo(id);
            db.pipelineRun().delete(w -> w.id(runId)).block();
        } finally {
            ContextRegistry.getInstance().removeThreadLocalAccessor("requestId");
            Hooks.disableAutomaticContextPropagation();
            REQUEST_ID.remove();
        }
    }

    @Configuration
    static class Customizers {
        // tag::customizer[]
        @Bean
        RefractClientOptionsCustomizer fixedClock() {
            return options -> options.clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        }
        // end::customizer[]
    }
}

// tag::controller[]
@RestController
class RunController {
    private final RefractClient db;

    RunController(RefractClient db) {
        this.db = db;
    }

    @GetMapping("/runs/failed")
    Flux<RunSummary> failed() {
        return db.pipelineRun().findMany(q -> q.where(w -> w.status().eq(Status.FAILED)))
                .map(RunSummary::of);
    }
}

/** What the API shows of a run: its own fields, not its relations. */
record RunSummary(String id, String name, Status status, Instant startedAt, Double cost) {
    static RunSummary of(PipelineRun run) {
        return new RunSummary(run.id(), run.name(), run.status(), run.startedAt(), run.cost());
    }
}
// end::controller[]

// tag::ndjson[]
@RestController
class RunStreamController {
    private final RefractClient db;

    RunStreamController(RefractClient db) {
        this.db = db;
    }

    // One JSON document per line, written as the rows arrive: a slow client slows the database
    // cursor down (backpressure) instead of filling the heap.
    @GetMapping(value = "/runs", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<RunSummary> all() {
        return db.pipelineRun().findMany(q -> q.orderBy(o -> o.startedAt().asc()))
                .map(RunSummary::of);
    }
}
// end::ndjson[]
