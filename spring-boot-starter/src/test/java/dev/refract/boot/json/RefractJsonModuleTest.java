package dev.refract.boot.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.boot.testclient.Board;
import dev.refract.boot.testclient.Card;
import dev.refract.boot.testclient.Priority;
import dev.refract.error.RelationNotLoadedException;
import dev.refract.json.Json;
import dev.refract.relation.Relation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of generated records and {@code Json} values, as the {@code JsonMapper} of a Boot context writes and reads it. */
class RefractJsonModuleTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T09:30:00Z");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RefractJsonAutoConfiguration.class));

    private static Board board(Relation<List<Card>> cards, Board.Counts counts) {
        return new Board(7, "launch", Json.parse("{\"theme\": \"dark\", \"columns\": [\"todo\", \"done\"], \"wip\": 3}"),
                new BigDecimal("1234.50"), "logo".getBytes(StandardCharsets.UTF_8), CREATED, cards, counts);
    }

    private static Board boardWithoutCards() {
        return board(Relation.notLoaded("Board", "cards"), null);
    }

    private static Card card(int id, Relation<Board> board) {
        return new Card(id, "card " + id, Priority.HIGH, board, 7);
    }

    @Test
    void aJsonFieldIsWrittenAsTheJsonItHolds() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);

            JsonNode written = mapper.readTree(mapper.writeValueAsString(boardWithoutCards()));

            assertThat(written.get("settings")).isEqualTo(mapper.readTree("{\"columns\":[\"todo\",\"done\"],\"theme\":\"dark\",\"wip\":3}"));
        });
    }

    @Test
    void aRelationThatWasNotLoadedIsLeftOut() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);

            JsonNode written = mapper.readTree(mapper.writeValueAsString(boardWithoutCards()));

            assertThat(written.has("cards")).isFalse();
            assertThat(written.has("name")).isTrue();
        });
    }

    @Test
    void aLoadedIncludeIsWrittenAsItsRecordsWithTheirCounts() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            Board board = board(Relation.loaded(List.of(card(1, Relation.notLoaded("Card", "board")))), new Board.Counts(1L));

            JsonNode written = mapper.readTree(mapper.writeValueAsString(board));

            assertThat(written.get("cards")).hasSize(1);
            assertThat(written.get("cards").get(0).get("title").asString()).isEqualTo("card 1");
            assertThat(written.get("cards").get(0).has("board")).isFalse();
            assertThat(written.get("relationCounts").get("cards").asLong()).isEqualTo(1L);
        });
    }

    @Test
    void aLoadedRelationWithoutRecordsIsWrittenAsEmptyOrNullNotLeftOut() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);

            JsonNode board = mapper.readTree(mapper.writeValueAsString(board(Relation.loaded(List.of()), null)));
            JsonNode card = mapper.readTree(mapper.writeValueAsString(card(1, Relation.loaded(null))));

            assertThat(board.get("cards").isArray()).isTrue();
            assertThat(board.get("cards")).isEmpty();
            assertThat(card.has("board")).isTrue();
            assertThat(card.get("board").isNull()).isTrue();
        });
    }

    @Test
    void theOtherFieldsOfARecordAreWrittenAsARestClientReadsThem() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);

            JsonNode board = mapper.readTree(mapper.writeValueAsString(boardWithoutCards()));
            JsonNode card = mapper.readTree(mapper.writeValueAsString(card(1, Relation.notLoaded("Card", "board"))));

            assertThat(board.get("budget").decimalValue()).isEqualByComparingTo("1234.50");
            assertThat(board.get("logo").asString()).isEqualTo("bG9nbw==");
            assertThat(board.get("created").asString()).isEqualTo("2026-03-01T09:30:00Z");
            // the Java name, which the client's API uses, not the name the database stores (@map("urgent"))
            assertThat(card.get("priority").asString()).isEqualTo("HIGH");
        });
    }

    @Test
    void aRecordReadBackHasItsJsonItsLoadedIncludeAndItsRelationsNotLoaded() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            Board written = board(Relation.loaded(List.of(card(1, Relation.notLoaded("Card", "board")),
                    card(2, Relation.notLoaded("Card", "board")))), new Board.Counts(2L));

            Board read = mapper.readValue(mapper.writeValueAsString(written), Board.class);

            assertThat(read.settings()).isEqualTo(written.settings());
            assertThat(read.budget()).isEqualByComparingTo(written.budget());
            assertThat(read.logo()).isEqualTo(written.logo());
            assertThat(read.created()).isEqualTo(CREATED);
            assertThat(read.relationCounts()).isEqualTo(new Board.Counts(2L));
            assertThat(read.cards().isLoaded()).isTrue();
            assertThat(read.cards().get()).containsExactly(written.cards().get().toArray(Card[]::new));
            assertThat(read.cards().get().get(0).board()).isEqualTo(Relation.notLoaded("Card", "board"));
        });
    }

    @Test
    void aRelationLeftOutReadsAsNotLoadedAndSaysWhichIncludeToAdd() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);

            Board read = mapper.readValue(mapper.writeValueAsString(boardWithoutCards()), Board.class);
            Card orphan = mapper.readValue("{\"id\":3,\"title\":\"t\",\"priority\":\"LOW\",\"board\":null,\"boardId\":7}", Card.class);

            assertThat(read.cards()).isEqualTo(Relation.notLoaded("Board", "cards"));
            assertThatThrownBy(() -> read.cards().get()).isInstanceOf(RelationNotLoadedException.class)
                    .hasMessageContaining("include(i -> i.cards())");
            assertThat(orphan.board().isLoaded()).isTrue();
            assertThat(orphan.board().find()).isEmpty();
        });
    }

    @Test
    void jsonValuesOfEveryKindSurviveARoundTrip() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            List<String> values = List.of(
                    "{\"b\": {\"nested\": [1, {\"deep\": null}]}, \"a\": \"first key written last\"}",
                    "{}",
                    "[1, \"two\", 3.5, true, null, [], {}]",
                    "[]",
                    "\"text with \\\"quotes\\\", a tab\\t and \\u00e9\"",
                    "42",
                    "-12345678901234567890123",
                    "12345678901234567890.123",
                    "0.1",
                    "1e400",
                    "true",
                    "false",
                    "[null]");

            for (String text : values) {
                Json value = Json.parse(text);

                String written = mapper.writeValueAsString(value);

                assertThat(Json.parse(written)).as(text).isEqualTo(value);
                assertThat(mapper.readValue(written, Json.class)).as(text).isEqualTo(value);
            }
        });
    }

    @Test
    void numbersAreReadExactlyWhateverTheMappersFloatSetting() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);

            Json read = mapper.readValue("{\"cost\": 12345678901234567890.123, \"rate\": 0.1}", Json.class);

            assertThat(read.toString()).isEqualTo("{\"cost\":12345678901234567890.123,\"rate\":0.1}");
        });
    }

    @Test
    void aJsonNullIsWrittenAsNullAndReadAsNoValue() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);

            assertThat(mapper.writeValueAsString(Json.parse("null"))).isEqualTo("null");
            assertThat(mapper.readValue("null", Json.class)).isNull();
            assertThat(mapper.readValue("{\"id\":1,\"name\":\"n\",\"settings\":null}", Board.class).settings()).isNull();
        });
    }

    @Test
    void aJsonValueConvertsToATreeAndBackUnchanged() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            Json value = Json.parse("{\"list\": [1, 2.5, \"x\", false, null], \"big\": 123456789012345678901234567890}");

            JsonNode tree = mapper.valueToTree(value);

            assertThat(tree.get("list").isArray()).isTrue();
            assertThat(Json.parse(tree.toString())).isEqualTo(value);
            assertThat(mapper.treeToValue(tree, Json.class)).isEqualTo(value);
        });
    }

    @Test
    void aRelationNotLoadedWhereNothingCanBeLeftOutFailsSayingWhichIncludeToAdd() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);

            assertThatThrownBy(() -> mapper.writeValueAsString(List.of(Relation.notLoaded("Board", "cards"))))
                    .hasRootCauseInstanceOf(RelationNotLoadedException.class)
                    .hasStackTraceContaining("include(i -> i.cards())");
        });
    }

    @Test
    void withoutJackson3TheModuleIsNotConfigured() {
        runner.withClassLoader(new FilteredClassLoader(JsonMapper.class))
                .run(context -> assertThat(context).doesNotHaveBean(RefractJsonModule.class));
    }

    @Test
    void anApplicationsOwnModuleBeanIsKept() {
        RefractJsonModule own = new RefractJsonModule();
        runner.withBean("ownModule", RefractJsonModule.class, () -> own)
                .run(context -> assertThat(context.getBean(RefractJsonModule.class)).isSameAs(own));
    }
}
