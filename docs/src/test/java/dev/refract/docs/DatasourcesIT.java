package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.ContentItem;
import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.RefractClientMetadata;
import com.example.pipeline.db.Session;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.json.Json;
import dev.refract.meta.ModelMeta;
import dev.refract.mongo.MongoAdapterOptions;
import dev.refract.mongo.MongoAdapterProvider;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The samples of the page "Several datasources": one client over PostgreSQL, MongoDB and Redis. */
@RefractTestDatabases
class DatasourcesIT {

    @BeforeAll
    static void createTables(PostgresNamespace postgres) {
        PipelineDatabases.createTables(postgres);
    }

    @Test
    void eachModelGoesToTheAdapterOfItsDatasource(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        String postgresUrl = postgres.r2dbcUrl();
        String mongoUrl = mongo.mongoUrl();
        String redisUrl = PipelineDatabases.redisUrl(redis);

        // tag::builder[]
        RefractClient db = RefractClient.builder()
                .datasource("db", postgresUrl)      // wins over url = env("DATABASE_URL")
                .datasource("docs", mongoUrl)
                .datasource("cache", redisUrl)
                .poolSize("db", 5)                  // wins over poolSize = 20 of the schema
                .build();
        // end::builder[]

        try (db) {
            // tag::routing[]
            Mono<PipelineRun> run = db.pipelineRun().create(c -> c.id("run-1").name("video"));   // PostgreSQL
            Mono<ContentItem> item = db.contentItem().create(c -> c.runId("run-1").type("script")  // MongoDB
                    .title("Draft").tags(List.of("ai")).metadata(Json.of(Map.of())));
            Mono<Session> session = db.session().create(c -> c.userId("ada")                     // Redis
                    .data_(Json.of(Map.of("theme", "dark"))));    // data_: the builders have a data()
            // end::routing[]

            assertThat(run.block().id()).isEqualTo("run-1");
            assertThat(item.block().runId()).isEqualTo("run-1");
            assertThat(session.block().userId()).isEqualTo("ada");

            // tag::metadata[]
            for (ModelMeta model : List.of(RefractClientMetadata.PIPELINE_RUN, RefractClientMetadata.CONTENT_ITEM,
                    RefractClientMetadata.SESSION)) {
                System.out.println(model.name() + " -> "
                        + RefractClientMetadata.SCHEMA.datasource(model.datasource()).name());
            }
            // PipelineRun -> db, ContentItem -> docs, Session -> cache
            // end::metadata[]
            assertThat(RefractClientMetadata.SCHEMA.datasource(RefractClientMetadata.CONTENT_ITEM.datasource()).name())
                    .isEqualTo("docs");

            // tag::pools[]
            db.core().poolUsage("db").ifPresent(usage -> System.out.println(
                    usage.acquired() + " in use, " + usage.idle() + " idle, at most " + usage.maxSize()));
            // end::pools[]
            assertThat(db.core().poolUsage("db")).hasValueSatisfying(usage -> assertThat(usage.maxSize()).isEqualTo(5));

            db.contentItem().create(c -> c.runId("run-1").type("voice").title("Narration")
                    .tags(List.of()).metadata(Json.of(Map.of()))).block();

            // tag::include[]
            Flux<PipelineRun> runs = db.pipelineRun().findMany(q -> q
                    .include(i -> i.contentItems(c -> c.orderBy(o -> o.title().asc()))));   // from MongoDB
            Flux<ContentItem> items = db.contentItem().findMany(q -> q
                    .include(i -> i.run()));                                                // from PostgreSQL
            // end::include[]

            assertThat(runs.blockFirst().contentItems().get()).extracting(ContentItem::title)
                    .containsExactly("Draft", "Narration");
            assertThat(items.collectList().block()).allSatisfy(i -> assertThat(i.run().get().id()).isEqualTo("run-1"));

            db.pipelineRun().create(c -> c.id("run-2").name("podcast")).block();

            // tag::filter[]
            Flux<PipelineRun> withScripts = db.pipelineRun().findMany(q -> q
                    .where(w -> w.contentItems().some(c -> c.type().eq("script"))));   // keys read from MongoDB first
            Flux<PipelineRun> withoutScripts = db.pipelineRun().findMany(q -> q
                    .where(w -> w.contentItems().none(c -> c.type().eq("script"))));
            // end::filter[]

            assertThat(withScripts.collectList().block()).extracting(PipelineRun::id).containsExactly("run-1");
            assertThat(withoutScripts.collectList().block()).extracting(PipelineRun::id).containsExactly("run-2");
        }
    }

    @Test
    void anIncludeAcrossDatasourcesReadsEachLevelWithOneQuery(PostgresNamespace postgres, MongoNamespace mongo,
            RedisNamespace redis) {
        List<String> finds = new CopyOnWriteArrayList<>();
        CommandListener countFinds = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    finds.add(event.getCommand().toJson());
                }
            }
        };
        try (RefractClient db = RefractClient.builder()
                .datasource("db", postgres.r2dbcUrl())
                .datasource("docs", mongo.mongoUrl())
                .datasource("cache", PipelineDatabases.redisUrl(redis))
                .adapterProvider(new MongoAdapterProvider(MongoAdapterOptions.defaults()
                        .withSettings(settings -> settings.addCommandListener(countFinds))))
                .build()) {
            for (int run = 1; run <= 5; run++) {
                String runId = "batched-" + run;
                db.pipelineRun().create(c -> c.id(runId).name("video")).block();
                for (int item = 1; item <= 3; item++) {
                    String title = "item-" + item;
                    db.contentItem().create(c -> c.runId(runId).type("script").title(title)
                            .tags(List.of()).metadata(Json.of(Map.of()))).block();
                }
            }

            List<PipelineRun> runs = db.pipelineRun().findMany(q -> q
                    .where(w -> w.id().startsWith("batched-"))
                    .include(i -> i.contentItems())).collectList().block();

            assertThat(runs).hasSize(5).allSatisfy(run -> assertThat(run.contentItems().get()).hasSize(3));
            assertThat(finds).as("MongoDB finds for the included content of five runs").hasSize(1);
        }
    }
}
