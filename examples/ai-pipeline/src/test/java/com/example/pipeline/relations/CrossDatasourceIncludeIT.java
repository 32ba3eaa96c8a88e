package com.example.pipeline.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.pipeline.Namespaces;
import com.example.pipeline.db.ContentItem;
import com.example.pipeline.db.ContentItemCreate;
import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.PipelineRunCreate;
import com.example.pipeline.db.PipelineRunOrderBy;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.RefractClientMetadata;
import com.example.pipeline.db.Session;
import com.example.pipeline.db.Status;
import com.example.pipeline.seed.PipelineSeed;
import com.example.pipeline.servers.DatasourceServers;
import dev.refract.error.InvalidQueryException;
import dev.refract.json.Json;
import dev.refract.meta.ModelMeta;
import dev.refract.mongo.MongoAdapterProvider;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.r2dbc.R2dbcAdapterProvider;
import dev.refract.redis.RedisAdapterProvider;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * The seed schema's relation chain across three datasources, PipelineRun (PostgreSQL) → ContentItem[]
 * (MongoDB) → Session (Redis), read with include and select, with the operations each datasource's
 * adapter receives counted.
 */
@RefractTestDatabases
class CrossDatasourceIncludeIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Queue<CountingProvider.Received> received = CountingProvider.newLog();
    private DatasourceServers servers;
    private RefractClient db;

    @BeforeEach
    void seed(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        servers = Namespaces.servers(postgres, mongo, redis);
        db = Namespaces.deployedClient(servers, builder -> builder
                .adapterProvider(new CountingProvider(new R2dbcAdapterProvider(), received))
                .adapterProvider(new CountingProvider(new MongoAdapterProvider(), received))
                .adapterProvider(new CountingProvider(new RedisAdapterProvider(), received)));
        db.contentItem().deleteMany().then(db.pipelineRun().deleteMany()).block(WAIT);
        new PipelineSeed(db).seed(Instant.now().truncatedTo(ChronoUnit.SECONDS)).block(WAIT);
        received.clear();
    }

    @AfterEach
    void close() {
        db.close();
        servers.close();
    }

    @Test
    void runsWithTheirContentAndSessionsTakeOneQueryPerDatasourceAndLevelWhateverTheNumberOfRuns() {
        List<PipelineRun> seeded = runsWithContentAndSessions();

        assertQueriesPerDatasource();
        PipelineRun video = byId(seeded).get("seed-run-video-1");
        assertThat(video.contentItems().get()).extracting(ContentItem::title)
                .containsExactly("AI automation explained", "AI automation explained (thumbnail)");
        assertThat(video.contentItems().get().get(0).session().get()).extracting(Session::userId).isEqualTo("ada");
        assertThat(video.contentItems().get().get(1).session().get()).as("an item no session asked for").isNull();
        assertThat(byId(seeded).get("seed-run-social-1").contentItems().get()).isEmpty();

        addRunsWithContent(30);
        received.clear();
        List<PipelineRun> more = runsWithContentAndSessions();

        assertThat(more).hasSize(seeded.size() + 30);
        assertQueriesPerDatasource();
        PipelineRun extra = byId(more).get("extra-run-17");
        assertThat(extra.contentItems().get()).hasSize(2).allSatisfy(item ->
                assertThat(item.session().get().userId()).isEqualTo(item.title().endsWith("a") ? "ada" : "grace"));
    }

    @Test
    void selectAcrossDatasourcesReadsWhatItNamesAndHidesTheLinkKeysItNeeded() {
        List<PipelineRun> runs = db.pipelineRun().findMany(q -> q
                        .where(w -> w.id().eq("seed-run-video-1"))
                        .select(s -> s.name())
                        .include(i -> i.contentItems(c -> c
                                .orderBy(o -> o.title().asc())
                                .select(s -> s.title())
                                .include(ci -> ci.session(s -> s.select(f -> f.userId()))))))
                .collectList().block(WAIT);

        assertQueriesPerDatasource();
        assertThat(runs).hasSize(1);
        PipelineRun run = runs.get(0);
        assertThat(run.name()).isEqualTo("video-production");
        assertThat(run.id()).as("the run's id links its content, but was not selected").isNull();
        assertThat(run.cost()).isNull();
        ContentItem item = run.contentItems().get().get(0);
        assertThat(item.title()).isEqualTo("AI automation explained");
        assertThat(item.sessionId()).as("the item's link to its session was not selected").isNull();
        assertThat(item.type()).isNull();
        Session session = item.session().get();
        assertThat(session.userId()).isEqualTo("ada");
        assertThat(session.id()).isNull();
        assertThat(session.data()).isNull();
    }

    @Test
    void aNestedWriteAcrossDatasourcesIsRefusedPointingAtSagasAndWritesNothing() {
        ModelMeta runs = RefractClientMetadata.PIPELINE_RUN;
        int contentItems = IntStream.range(0, runs.fieldCount())
                .filter(i -> runs.field(i).name().equals("contentItems")).findFirst().orElseThrow();
        WriteData run = new PipelineRunCreate().id("nested-run").name("video-production").build();
        WriteData item = new ContentItemCreate().runId("nested-run").type("video").title("Nested").tags(List.of())
                .metadata(Json.of(Map.of())).build();
        WriteData nested = new WriteData(run.writes(), List.of(new WriteData.RelationWrite(contentItems,
                List.of(new WriteData.NestedWrite.Create(List.of(item))))));

        assertThatThrownBy(() -> db.core().execute(new Operation.Create(runs.index(), nested, Selection.ALL)).block(WAIT))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("PipelineRun.contentItems reaches ContentItem in datasource 'docs'")
                .hasMessageContaining("coordinate them in a saga");
        assertThat(db.pipelineRun().count(q -> q.where(w -> w.id().eq("nested-run"))).block(WAIT)).isZero();
        assertThat(db.contentItem().count(q -> q.where(w -> w.title().eq("Nested"))).block(WAIT)).isZero();
    }

    @Test
    void theOrderByBuilderOffersNoSortKeyOnARelationToAnotherDatasource() {
        List<String> keys = Arrays.stream(PipelineRunOrderBy.class.getMethods()).map(Method::getName).toList();

        assertThat(keys).as("sort keys of PipelineRunOrderBy").contains("steps", "name")
                .doesNotContain("contentItems");
    }

    private List<PipelineRun> runsWithContentAndSessions() {
        return db.pipelineRun().findMany(q -> q
                        .orderBy(o -> o.startedAt().desc())
                        .include(i -> i.contentItems(c -> c.orderBy(o -> o.title().asc()).include(ci -> ci.session()))))
                .collectList().block(WAIT);
    }

    /** One read of the runs in PostgreSQL, one look-up of their items in MongoDB, one of the sessions in Redis. */
    private void assertQueriesPerDatasource() {
        assertThat(CountingProvider.kinds(received, "db")).containsExactly("FindMany");
        assertThat(CountingProvider.kinds(received, "docs")).containsExactly("FindRelated");
        assertThat(CountingProvider.kinds(received, "cache")).containsExactly("FindRelated");
    }

    private void addRunsWithContent(int count) {
        Flux.range(0, count)
                .concatMap(n -> db.pipelineRun().create(c -> c.id("extra-run-" + n).name("batch").status(Status.COMPLETED))
                        .thenMany(Flux.just("a", "b").concatMap(suffix -> db.contentItem().create(c -> c
                                .runId("extra-run-" + n).type("note").title("extra " + n + " " + suffix)
                                .tags(List.of()).metadata(Json.of(Map.of()))
                                .sessionId(suffix.equals("a") ? "seed-session-ada" : "seed-session-grace")))))
                .blockLast(WAIT);
    }

    private static Map<String, PipelineRun> byId(List<PipelineRun> runs) {
        return runs.stream().collect(Collectors.toMap(PipelineRun::id, Function.identity()));
    }
}
