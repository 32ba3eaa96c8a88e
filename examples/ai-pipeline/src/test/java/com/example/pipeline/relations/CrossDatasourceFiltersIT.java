package com.example.pipeline.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.pipeline.Namespaces;
import com.example.pipeline.db.ContentItem;
import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.Session;
import com.example.pipeline.db.Status;
import com.example.pipeline.seed.PipelineSeed;
import com.example.pipeline.servers.DatasourceServers;
import dev.refract.error.InvalidQueryException;
import dev.refract.mongo.MongoAdapterProvider;
import dev.refract.r2dbc.R2dbcAdapterProvider;
import dev.refract.redis.RedisAdapterProvider;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where conditions on the seed schema's relations across datasources, PipelineRun (PostgreSQL) →
 * ContentItem[] (MongoDB) → Session (Redis) and back, with the operations each datasource's adapter
 * receives counted: one key look-up on the related datasource per condition, then the operation itself.
 */
@RefractTestDatabases
class CrossDatasourceFiltersIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Queue<CountingProvider.Received> received = CountingProvider.newLog();
    private DatasourceServers servers;
    private RefractClient db;

    @BeforeEach
    void seed(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        servers = Namespaces.servers(postgres, mongo, redis);
        db = client(builder -> { });
        db.contentItem().deleteMany().then(db.pipelineRun().deleteMany()).block(WAIT);
        new PipelineSeed(db).seed(Instant.now().truncatedTo(ChronoUnit.SECONDS)).block(WAIT);
        received.clear();
    }

    @AfterEach
    void close() {
        db.close();
        servers.close();
    }

    private RefractClient client(Consumer<RefractClient.Builder> options) {
        return Namespaces.deployedClient(servers, builder -> {
            builder.adapterProvider(new CountingProvider(new R2dbcAdapterProvider(), received))
                    .adapterProvider(new CountingProvider(new MongoAdapterProvider(), received))
                    .adapterProvider(new CountingProvider(new RedisAdapterProvider(), received));
            options.accept(builder);
        });
    }

    @Test
    void runsWithSomeContentMatchingTakeOneLookUpInMongoDbAndOneReadInPostgres() {
        List<String> runs = runIds(db.pipelineRun().findMany(q -> q
                .where(w -> w.contentItems().some(c -> c.type().eq("article")))
                .orderBy(o -> o.id().asc())).collectList().block(WAIT));

        assertThat(runs).containsExactly("seed-run-blog-1", "seed-run-blog-2");
        assertThat(CountingProvider.kinds(received, "docs")).containsExactly("FindMany");
        assertThat(CountingProvider.kinds(received, "db")).containsExactly("FindMany");
        assertThat(CountingProvider.kinds(received, "cache")).isEmpty();
    }

    @Test
    void contentWhoseSessionIsMatchingLooksTheSessionsUpInRedis() {
        List<String> titles = db.contentItem().findMany(q -> q
                        .where(w -> w.session().is(s -> s.userId().eq("ada")))
                        .orderBy(o -> o.title().asc()))
                .map(ContentItem::title).collectList().block(WAIT);

        assertThat(titles).containsExactly("AI automation explained", "AI automation, part 2 (script)");
        assertThat(CountingProvider.kinds(received, "cache")).containsExactly("FindMany");
        assertThat(CountingProvider.kinds(received, "docs")).containsExactly("FindMany");
    }

    @Test
    void isNotKeepsTheContentThatNoSessionAskedFor() {
        List<String> titles = db.contentItem().findMany(q -> q
                        .where(w -> w.session().isNot(s -> s.userId().eq("ada")))
                        .orderBy(o -> o.title().asc()))
                .map(ContentItem::title).collectList().block(WAIT);

        assertThat(titles).containsExactly("AI automation explained (thumbnail)", "Episode 12 transcript",
                "Five pipelines we retired", "Reactive data access on the JVM");
    }

    @Test
    void noneKeepsRunsWithoutMatchingContentAndThoseWithoutAny() {
        List<String> runs = runIds(db.pipelineRun().findMany(q -> q
                .where(w -> w.contentItems().none(c -> c.type().eq("article")))
                .orderBy(o -> o.id().asc())).collectList().block(WAIT));

        assertThat(runs).containsExactly("seed-run-podcast-1", "seed-run-podcast-2", "seed-run-social-1",
                "seed-run-video-1", "seed-run-video-2");
    }

    @Test
    void everyHoldsForRunsWithoutContentAndForThoseWhoseContentAllMatches() {
        List<String> runs = runIds(db.pipelineRun().findMany(q -> q
                .where(w -> w.contentItems().every(c -> c.tags().has("ai")))
                .orderBy(o -> o.id().asc())).collectList().block(WAIT));

        assertThat(runs).as("video-1 has a thumbnail without the tag").containsExactly("seed-run-podcast-1",
                "seed-run-social-1", "seed-run-video-2");
        assertThat(CountingProvider.kinds(received, "docs")).containsExactly("FindMany");
    }

    @Test
    void conditionsNestedTwoLevelsDeepLookUpRedisThenMongoDbThenReadPostgres() {
        List<String> runs = runIds(db.pipelineRun().findMany(q -> q
                .where(w -> w.status().eq(Status.COMPLETED)
                        .contentItems().some(c -> c.session().is(s -> s.userId().eq("grace"))))
                .orderBy(o -> o.id().asc())).collectList().block(WAIT));

        assertThat(runs).containsExactly("seed-run-blog-1", "seed-run-blog-2");
        assertThat(CountingProvider.kinds(received, "cache")).containsExactly("FindMany");
        assertThat(CountingProvider.kinds(received, "docs")).containsExactly("FindMany");
        assertThat(CountingProvider.kinds(received, "db")).containsExactly("FindMany");
    }

    @Test
    void aRedisParentFiltersOnTheRewrittenKeysByScan() {
        List<String> users = db.session().findMany(q -> q
                        .where(w -> w.contentItems().some(c -> c.type().eq("video"))))
                .map(Session::userId).collectList().block(WAIT);

        assertThat(users).containsExactly("ada");
        assertThat(CountingProvider.kinds(received, "docs")).containsExactly("FindMany");
    }

    @Test
    void countAndOrAndNotCombineConditionsAcrossDatasources() {
        Long count = db.pipelineRun().count(q -> q.where(w -> w
                .or(o -> o.contentItems().some(c -> c.type().eq("video")),
                        o -> o.contentItems().some(c -> c.type().eq("transcript")))
                .not(n -> n.status().eq(Status.FAILED)))).block(WAIT);

        assertThat(count).as("video-1; podcast-2 failed").isEqualTo(1L);
        assertThat(CountingProvider.kinds(received, "docs")).containsExactly("FindMany", "FindMany");
    }

    @Test
    void theWhereOfAnIncludedRelationMayFollowAnotherDatasource() {
        List<Session> sessions = db.session().findMany(q -> q
                        .where(w -> w.userId().eq("ada"))
                        .include(i -> i.contentItems(c -> c.where(w -> w.run().is(r -> r.status().eq(Status.FAILED))))))
                .collectList().block(WAIT);

        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).contentItems().get()).extracting(ContentItem::title)
                .containsExactly("AI automation, part 2 (script)");
        assertThat(CountingProvider.kinds(received, "db")).containsExactly("FindMany");
        assertThat(CountingProvider.kinds(received, "docs")).containsExactly("FindRelated");
    }

    @Test
    void deleteManyWithAConditionAcrossDatasourcesDeletesOnlyWhatMatches() {
        Long deleted = db.pipelineRun().deleteMany(w -> w.status().eq(Status.FAILED)
                .contentItems().none(c -> { })).block(WAIT);

        assertThat(deleted).as("podcast-1 failed without content; podcast-2 and video-2 have some").isEqualTo(1L);
        assertThat(CountingProvider.kinds(received, "docs")).containsExactly("FindMany");
        assertThat(db.pipelineRun().findUnique(q -> q.where(w -> w.id("seed-run-podcast-1"))).blockOptional(WAIT)).isEmpty();
        assertThat(db.pipelineRun().count(q -> q.where(w -> w.status().eq(Status.FAILED))).block(WAIT)).isEqualTo(2L);
    }

    @Test
    void insideATransactionTheLookUpRunsOutsideItOnTheOtherDatasource() {
        Long updated = db.transaction(tx -> tx.pipelineRun().updateMany(
                        w -> w.contentItems().some(c -> c.session().is(s -> s.userId().eq("ada"))),
                        d -> d.status(Status.PENDING)))
                .single().block(WAIT);

        assertThat(updated).as("video-1 and video-2").isEqualTo(2L);
        assertThat(CountingProvider.kinds(received, "cache")).containsExactly("FindMany");
        assertThat(CountingProvider.kinds(received, "docs")).containsExactly("FindMany");
        assertThat(CountingProvider.kinds(received, "db")).containsExactly("UpdateMany");
        assertThat(runIds(db.pipelineRun().findMany(q -> q.where(w -> w.status().eq(Status.PENDING))
                .orderBy(o -> o.id().asc())).collectList().block(WAIT)))
                .containsExactly("seed-run-video-1", "seed-run-video-2");
    }

    @Test
    void aLookUpFindingMoreKeysThanTheLimitFailsBeforeTheParentIsQueried() {
        RefractClient limited = client(builder -> builder.crossDatasourceKeyLimit(2));
        try {
            received.clear();
            assertThatThrownBy(() -> limited.pipelineRun().findMany(q -> q
                            .where(w -> w.contentItems().some(c -> { }))).collectList().block(WAIT))
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining("relation PipelineRun.contentItems reaches ContentItem")
                    .hasMessageContaining("found 3 link keys or more, over the limit of 2")
                    .hasMessageContaining("crossDatasourceKeyLimit(...)");
            assertThat(CountingProvider.kinds(received, "docs")).containsExactly("FindMany");
            assertThat(CountingProvider.kinds(received, "db")).isEmpty();
        } finally {
            limited.close();
        }
    }

    private static List<String> runIds(List<PipelineRun> runs) {
        return runs.stream().map(PipelineRun::id).toList();
    }
}
