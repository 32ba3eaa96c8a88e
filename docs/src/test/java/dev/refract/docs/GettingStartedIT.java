package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.Status;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.json.Json;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The samples of the page "Getting started", run in the order the page gives them. */
@RefractTestDatabases
class GettingStartedIT {

    @Test
    void aFirstClientCreatesFindsAndStreamsRuns(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        PipelineDatabases.createTables(postgres);
        String postgresUrl = postgres.r2dbcUrl();
        String mongoUrl = mongo.mongoUrl();
        String redisUrl = PipelineDatabases.redisUrl(redis);

        // tag::client[]
        RefractClient db = RefractClient.builder()
                .datasource("db", postgresUrl)       // e.g. r2dbc:postgresql://app:secret@localhost:5432/app
                .datasource("docs", mongoUrl)        // e.g. mongodb://localhost:27017/app
                .datasource("cache", redisUrl)       // e.g. redis://localhost:6379
                .build();                            // connects nothing yet: pools start on first use
        // end::client[]

        // tag::create[]
        Mono<PipelineRun> create = db.pipelineRun().create(c -> c
                .name("video-production")
                .status(Status.RUNNING)
                .metadata(Json.of(Map.of("topic", "AI automation"))));
        PipelineRun run = create.block();   // runs the INSERT; in a reactive application, compose instead
        // end::create[]

        // tag::find[]
        Mono<PipelineRun> found = db.pipelineRun().findUnique(q -> q.where(w -> w.id(run.id())));
        found.subscribe(r -> System.out.println(r.name() + " is " + r.status()));
        // end::find[]

        // tag::stream[]
        Flux<PipelineRun> running = db.pipelineRun().findMany(q -> q
                .where(w -> w.status().eq(Status.RUNNING))
                .orderBy(o -> o.startedAt().desc()));
        Long printed = running.map(PipelineRun::name)
                .doOnNext(System.out::println)          // each name as its row arrives
                .count()
                .block();
        // end::stream[]

        assertThat(found.block()).isEqualTo(run);
        assertThat(printed).isEqualTo(1);
        assertThat(running.blockFirst().id()).isEqualTo(run.id());

        // tag::close[]
        db.close();   // closes the pools of every datasource
        // end::close[]
        assertThat(db.core().isClosed()).isTrue();
    }
}
