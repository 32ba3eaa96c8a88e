package com.example.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.servers.DatasourceServers;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole run on the test servers, each datasource in a namespace of its own, with the printed tables checked. */
@RefractTestDatabases
class PipelineAppIT {

    @TempDir
    Path exportDirectory;

    @Test
    void printsTheSeedQueriesFromAllThreeDatasources(PostgresNamespace postgres, MongoNamespace mongo,
            RedisNamespace redis) throws Exception {
        Path export = exportDirectory.resolve("steps.ndjson");

        String printed = run(postgres, mongo, redis, export);

        assertThat(printed).contains(
                "db (postgresql): server of DATABASE_URL, " + postgres.r2dbcUrl(),
                "docs (mongodb): server of MONGODB_URL, " + mongo.mongoUrl(),
                "cache (redis): server of REDIS_URL, " + redis.redisUrl(),
                "Recorded 7 pipeline runs with their steps (PostgreSQL), 6 content items (MongoDB) and 2 sessions (Redis).");
        // the class's namespaces are shared by its tests: another may have deployed the migrations already
        assertThat(printed).containsPattern("\n  db: (applied 1 migration \\(\\d+_init\\)|up to date)\n")
                .containsPattern("\n  docs: (applied 1 migration \\(\\d+_init\\)|up to date)\n");
        assertThat(printed).contains("""
                Failed runs of the last 24 hours, with their steps in order
                pipeline          run                 started     cost (USD)  #  step        status     attempts
                ----------------  ------------------  ----------  ----------  -  ----------  ---------  --------
                podcast-summary   seed-run-podcast-2  0h 30m ago        0.40  1  transcribe  COMPLETED         1
                                                                              2  summarize   FAILED            3
                video-production  seed-run-video-2    2h 00m ago        1.35  1  script      COMPLETED         1
                                                                              2  voiceover   COMPLETED         1
                                                                              3  render      FAILED            3
                """);
        assertThat(printed).contains("""
                Cost by pipeline (completed runs)
                pipeline          runs  cost (USD)
                ----------------  ----  ----------
                blog-post            2        1.75
                video-production     1        4.20
                """);
        assertThat(printed).contains("""
                Runs with their content (MongoDB) and the sessions that asked for it (Redis)
                pipeline          run                 status     content                              type        asked by
                ----------------  ------------------  ---------  -----------------------------------  ----------  --------
                social-clips      seed-run-social-1   RUNNING    -                                    -           -
                podcast-summary   seed-run-podcast-2  FAILED     Episode 12 transcript                transcript  -
                blog-post         seed-run-blog-2     COMPLETED  Reactive data access on the JVM      article     grace
                video-production  seed-run-video-2    FAILED     AI automation, part 2 (script)       script      ada
                video-production  seed-run-video-1    COMPLETED  AI automation explained              video       ada
                                                                 AI automation explained (thumbnail)  thumbnail   -
                blog-post         seed-run-blog-1     COMPLETED  Five pipelines we retired            article     grace
                podcast-summary   seed-run-podcast-1  FAILED     -                                    -           -
                """);
        assertThat(printed).contains("""
                moment             found                  hits  misses
                -----------------  ---------------------  ----  ------
                before             -                         0       0
                after 1st look-up  blog-post (COMPLETED)     0       1
                after 2nd look-up  blog-post (COMPLETED)     1       1
                """);
        assertThat(printed).contains("Streamed export of all steps: 17 written to " + export);
        List<String> lines = Files.readAllLines(export);
        assertThat(lines).hasSize(17);
        assertThat(lines.get(0)).startsWith("{\"id\":").contains("\"runId\":\"seed-run-blog-1\"", "\"position\":1",
                "\"name\":\"outline\"");
    }

    @Test
    void aSecondRunFindsTheMigrationsDeployedAndReplacesItsOwnRecords(PostgresNamespace postgres, MongoNamespace mongo,
            RedisNamespace redis) throws Exception {
        Path export = exportDirectory.resolve("again.ndjson");
        run(postgres, mongo, redis, export);

        String printed = run(postgres, mongo, redis, export);

        assertThat(printed).contains("db: up to date", "docs: up to date",
                "Streamed export of all steps: 17 written to");
        assertThat(printed).contains("""
                blog-post            2        1.75
                video-production     1        4.20
                """);
    }

    private static String run(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis, Path export) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DatasourceServers servers = Namespaces.servers(postgres, mongo, redis);
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new PipelineApp(servers, Path.of("migrations"), export, Clock.systemUTC(), out).run()
                    .block(Duration.ofMinutes(2));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
