package dev.refract.boot.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.boot.support.StarterApplication;
import dev.refract.boot.testclient.Board;
import dev.refract.boot.testclient.Priority;
import dev.refract.boot.testclient.RefractClient;
import dev.refract.boot.testclient.RefractClientMetadata;
import dev.refract.json.Json;
import dev.refract.r2dbc.ddl.PostgresDdl;
import dev.refract.relation.Relation;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Records that the starter's client reads from PostgreSQL, written and read by the application's own {@code JsonMapper}. */
@RefractTestDatabases
class GeneratedRecordJsonIT {

    private final PostgresNamespace postgres;
    private ConfigurableApplicationContext context;
    private RefractClient db;
    private JsonMapper mapper;
    private Board board;

    GeneratedRecordJsonIT(PostgresNamespace postgres) {
        this.postgres = postgres;
    }

    @BeforeAll
    static void createTables(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            for (String ddl : PostgresDdl.render(RefractClientMetadata.SCHEMA, 0).statements()) {
                statement.execute(ddl);
            }
        }
    }

    @BeforeEach
    void start() {
        context = StarterApplication.start(
                "refract.client=" + RefractClient.class.getName(),
                "refract.datasources.db.url=" + postgres.r2dbcUrl(),
                "refract.datasources.reports.url=" + postgres.r2dbcUrl());
        db = context.getBean(RefractClient.class);
        mapper = context.getBean(JsonMapper.class);
        board = db.board().create(b -> b.name("launch " + System.nanoTime())
                .settings(Json.parse("{\"theme\": \"dark\", \"limits\": {\"wip\": 3, \"ratio\": 0.75}}"))
                .budget(new BigDecimal("99.95"))
                .cards(cards -> cards.create(c -> c.title("design").priority(Priority.HIGH))
                        .create(c -> c.title("build")))).block();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void aRecordFetchedWithoutItsRelationIsWrittenWithoutIt() {
        Board fetched = db.board().findUnique(q -> q.where(w -> w.id(board.id()))).block();

        JsonNode written = mapper.readTree(mapper.writeValueAsString(fetched));

        assertThat(written.has("cards")).isFalse();
        assertThat(written.get("settings").get("limits").get("ratio").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(written.get("budget").decimalValue()).isEqualByComparingTo("99.95");
    }

    @Test
    void aRecordFetchedWithAnIncludeIsWrittenWithItsRecordsAndCounts() {
        Board fetched = db.board().findUnique(q -> q.where(w -> w.id(board.id()))
                .include(i -> i.cards(c -> c.orderBy(o -> o.title().asc())).count(n -> n.cards()))).block();

        JsonNode written = mapper.readTree(mapper.writeValueAsString(fetched));

        assertThat(written.get("cards")).hasSize(2);
        assertThat(written.get("cards").get(0).get("title").asString()).isEqualTo("build");
        assertThat(written.get("cards").get(1).get("priority").asString()).isEqualTo("HIGH");
        assertThat(written.get("cards").get(1).has("board")).isFalse();
        assertThat(written.get("relationCounts").get("cards").asLong()).isEqualTo(2L);
    }

    @Test
    void aWrittenRecordReadsBackAsTheRecordFetched() {
        Board withCards = db.board().findUnique(q -> q.where(w -> w.id(board.id())).include(i -> i.cards())).block();
        Board withoutCards = db.board().findUnique(q -> q.where(w -> w.id(board.id()))).block();

        Board readWithCards = mapper.readValue(mapper.writeValueAsString(withCards), Board.class);
        Board readWithoutCards = mapper.readValue(mapper.writeValueAsString(withoutCards), Board.class);

        assertThat(readWithCards.settings()).isEqualTo(withCards.settings());
        assertThat(readWithCards.created()).isEqualTo(withCards.created());
        assertThat(readWithCards.cards().get()).containsExactlyElementsOf(withCards.cards().get());
        assertThat(readWithoutCards.cards()).isEqualTo(Relation.notLoaded("Board", "cards"))
                .isEqualTo(withoutCards.cards());
    }
}
