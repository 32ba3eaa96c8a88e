package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.Status;
import com.example.raw.db.Member;
import com.example.raw.db.Tier;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The samples of the page "Raw SQL queries". */
@RefractTestDatabases
class RawQueriesIT {

    private static RefractClient db;
    private static com.example.raw.db.RefractClient members;

    @BeforeAll
    static void open(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        PipelineDatabases.createTables(postgres);
        DbPush.push(com.example.raw.db.RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl()))
                .block(Duration.ofMinutes(1));
        db = PipelineDatabases.open(postgres, mongo, redis);
        members = com.example.raw.db.RefractClient.builder().datasource("db", postgres.r2dbcUrl()).build();
    }

    @AfterAll
    static void close() {
        db.close();
        members.close();
    }

    @Test
    void queriesAndStatementsBindTheirArguments() {
        db.pipelineRun().create(c -> c.name("video").status(Status.FAILED).cost(3.0)).block();
        db.pipelineRun().create(c -> c.name("video").status(Status.FAILED).cost(4.0)).block();
        Instant cutoff = Instant.now().plusSeconds(60);

        // tag::queryAndExecute[]
        Flux<Map<String, Object>> rows = db.queryRaw("db",
                "SELECT name, count(*) AS runs FROM \"PipelineRun\" WHERE status = $1::\"Status\" GROUP BY name",
                "FAILED");

        Mono<Long> changed = db.executeRaw("db",
                "UPDATE \"PipelineRun\" SET cost = 0 WHERE \"startedAt\" < $1", cutoff);
        // end::queryAndExecute[]

        assertThat(rows.collectList().block()).containsExactly(Map.of("name", "video", "runs", 2L));
        assertThat(changed.block()).isEqualTo(2);
        db.pipelineRun().deleteMany().block();
    }

    @Test
    void rowsAreReadIntoTheRecordsOfAModel() {
        com.example.raw.db.RefractClient db = members;
        db.member().create(c -> c.email("ada@example.com").fullName("Ada Lovelace").tier(Tier.PRO)).block();
        Instant since = Instant.now().minus(Duration.ofDays(1));

        // tag::modelRecords[]
        Flux<Member> recent = db.queryRaw("db", Member.class,
                "SELECT * FROM members WHERE joined_at > $1 ORDER BY joined_at", since);
        // end::modelRecords[]

        assertThat(recent.collectList().block()).extracting(Member::fullName).contains("Ada Lovelace");
    }

    // tag::ownRecords[]
    record TierCount(Tier tier, int members) {}

    // end::ownRecords[]
    @Test
    void rowsAreReadIntoRecordsOfYourOwn() {
        com.example.raw.db.RefractClient db = members;
        db.member().create(c -> c.email("bob@example.com").fullName("Bob")).block();

        // tag::ownRecords[]
        Flux<TierCount> tiers = db.queryRaw("db", TierCount.class,
                "SELECT tier, count(*) AS members FROM members GROUP BY tier ORDER BY tier");
        // end::ownRecords[]

        assertThat(tiers.collectList().block()).contains(new TierCount(Tier.FREE, 1));
    }

    @Test
    void theUnsafeFormsRunTextAssembledByCode(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table runs (id serial primary key, started_at timestamptz not null)");
            statement.execute("create table runs_archive (id serial primary key, started_at timestamptz not null)");
            statement.execute("insert into runs_archive (started_at) values (now() - interval '2 days')");
        }
        boolean archive = true;
        Instant cutoff = Instant.now().minus(Duration.ofDays(1));

        // tag::unsafe[]
        String table = archive ? "runs_archive" : "runs";   // chosen by code, never by a user
        Mono<Long> removed = db.executeRawUnsafe("db", "DELETE FROM " + table + " WHERE started_at < $1", cutoff);
        // end::unsafe[]

        assertThat(removed.block()).isEqualTo(1);
    }
}
