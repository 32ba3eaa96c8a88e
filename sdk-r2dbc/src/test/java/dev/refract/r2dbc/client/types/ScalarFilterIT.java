package dev.refract.r2dbc.client.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.types.db.Colour;
import com.example.types.db.Maybe;
import com.example.types.db.MaybeCreate;
import com.example.types.db.MaybeWhere;
import com.example.types.db.RefractClient;
import com.example.types.db.Sample;
import com.example.types.db.SampleCreate;
import com.example.types.db.SampleWhere;
import dev.refract.json.Json;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Every scalar filter the generated where builders offer, per type, over a small fixed data set:
 * three complete samples and a handful of records with optional fields, some of them null.
 */
@RefractTestDatabases
class ScalarFilterIT {

    private static final Instant Y2020 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant Y2021 = Instant.parse("2021-01-01T00:00:00Z");
    private static final Instant Y2022 = Instant.parse("2022-01-01T00:00:00Z");

    private static RefractClient client;

    @BeforeAll
    static void seed(PostgresNamespace postgres) {
        client = TypesDatabase.open(postgres);
        Long samples = client.sample().createMany(List.of(
                sample("a", true, 1, 10L, 1.5, "1.25", Y2020, Colour.RED, List.of("x", "y"), List.of(1, 2),
                        List.of(Colour.RED), "{\"k\": 1}", new byte[] {1, 2}),
                sample("b", false, 2, 20L, 2.5, "2.5", Y2021, Colour.GREEN, List.of("y"), List.of(2, 3),
                        List.of(Colour.GREEN, Colour.BLUE), "{\"k\": [1, 2]}", new byte[] {3}),
                sample("c", true, 3, 30L, 3.5, "3.75", Y2022, Colour.BLUE, List.of(), List.of(),
                        List.of(), "[]", new byte[0]))).block();
        assertThat(samples).isEqualTo(3);
        Long maybes = client.maybe().createMany(List.of(
                maybe("m1", "a%b", 1), maybe("m2", "aXXb", 2), maybe("m3", "a_b", 3), maybe("m4", "aYb", 4),
                maybe("m5", "a\\b", 5), maybe("m6", "ab", 6), maybe("m7", "Hello World", 7),
                new MaybeCreate().label("m8"))).block();
        assertThat(maybes).isEqualTo(8);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static SampleCreate sample(String label, boolean flag, int count, long big, double ratio, String amount,
            Instant at, Colour colour, List<String> tags, List<Integer> scores, List<Colour> colours, String doc,
            byte[] blob) {
        return new SampleCreate().label(label).flag(flag).count_(count).big(big).ratio(ratio)
                .amount(new BigDecimal(amount)).at(at).atMicros(at).colour(colour).tags(tags).scores(scores)
                .colours(colours).doc(Json.parse(doc)).blob(blob);
    }

    private static MaybeCreate maybe(String label, String text, int count) {
        return new MaybeCreate().label(label).text(text).count_(count).big((long) count).ratio(count / 2.0)
                .amount(BigDecimal.valueOf(count)).at(Y2020.plusSeconds(count)).flag(count % 2 == 0)
                .colour(Colour.values()[count % 3]).blob(new byte[] {(byte) count}).doc(Json.of(count));
    }

    private static void assertSamples(Consumer<SampleWhere> where, String... labels) {
        assertLabels(client.sample().findMany(q -> q.where(where).orderBy(o -> o.label().asc())).map(Sample::label),
                labels);
    }

    private static void assertMaybes(Consumer<MaybeWhere> where, String... labels) {
        assertLabels(client.maybe().findMany(q -> q.where(where).orderBy(o -> o.label().asc())).map(Maybe::label),
                labels);
    }

    private static void assertLabels(Flux<String> found, String... labels) {
        StepVerifier.create(found.collectList())
                .assertNext(list -> assertThat(list).containsExactly(labels))
                .verifyComplete();
    }

    @Test
    void equalsAndNotPerType() {
        assertSamples(w -> w.label().eq("b"), "b");
        assertSamples(w -> w.label().not("b"), "a", "c");
        assertSamples(w -> w.flag().eq(true), "a", "c");
        assertSamples(w -> w.flag().not(true), "b");
        assertSamples(w -> w.count_().eq(2), "b");
        assertSamples(w -> w.count_().not(2), "a", "c");
        assertSamples(w -> w.big().eq(30L), "c");
        assertSamples(w -> w.ratio().eq(1.5), "a");
        assertSamples(w -> w.amount().eq(new BigDecimal("2.50")), "b");
        assertSamples(w -> w.amount().not(new BigDecimal("2.5000")), "a", "c");
        assertSamples(w -> w.at().eq(Y2021), "b");
        assertSamples(w -> w.atMicros().not(Y2021), "a", "c");
        assertSamples(w -> w.colour().eq(Colour.BLUE), "c");
        assertSamples(w -> w.colour().not(Colour.BLUE), "a", "b");
        assertSamples(w -> w.blob().eq(new byte[] {3}), "b");
        assertSamples(w -> w.blob().eq(new byte[0]), "c");
        assertSamples(w -> w.doc().eq(Json.parse("{\"k\": [1, 2]}")), "b");
        assertSamples(w -> w.doc().eq(Json.parse("{\"k\": 1.0}")), "a");
        assertSamples(w -> w.doc().not(Json.parse("[]")), "a", "b");
    }

    @Test
    void notOnAnOptionalFieldLeavesOutNulls() {
        // SQL's three-valued logic, as Prisma documents for `not`: a null field is not "not 1".
        assertMaybes(w -> w.count_().not(1), "m2", "m3", "m4", "m5", "m6", "m7");
        assertMaybes(w -> w.text().not("ab"), "m1", "m2", "m3", "m4", "m5", "m7");
    }

    @Test
    void inAndNotInPerTypeIncludingEmptyLists() {
        assertSamples(w -> w.label().in("a", "c", "zzz"), "a", "c");
        assertSamples(w -> w.label().notIn("a", "c"), "b");
        assertSamples(w -> w.count_().in(List.of(2, 3)), "b", "c");
        assertSamples(w -> w.big().notIn(List.of(10L)), "b", "c");
        assertSamples(w -> w.ratio().in(List.of(2.5, 9.0)), "b");
        assertSamples(w -> w.amount().in(List.of(new BigDecimal("1.25"), new BigDecimal("3.7500"))), "a", "c");
        assertSamples(w -> w.at().in(List.of(Y2020, Y2022)), "a", "c");
        assertSamples(w -> w.colour().in(Colour.RED, Colour.GREEN), "a", "b");
        assertSamples(w -> w.colour().notIn(Colour.RED, Colour.GREEN), "c");
        assertSamples(w -> w.flag().in(List.of(false)), "b");

        assertSamples(w -> w.label().in(List.of()));
        assertSamples(w -> w.count_().in(List.of()));
        assertSamples(w -> w.colour().in(List.of()));
        assertSamples(w -> w.label().notIn(List.of()), "a", "b", "c");
        assertSamples(w -> w.amount().notIn(List.of()), "a", "b", "c");
        assertSamples(w -> w.not(n -> n.label().in(List.of())), "a", "b", "c");
        assertSamples(w -> w.not(n -> n.label().notIn(List.of())));
    }

    @Test
    void orderingComparisonsPerType() {
        assertSamples(w -> w.count_().lt(2), "a");
        assertSamples(w -> w.count_().lte(2), "a", "b");
        assertSamples(w -> w.count_().gt(2), "c");
        assertSamples(w -> w.count_().gte(2), "b", "c");
        assertSamples(w -> w.big().gt(10L).big().lt(30L), "b");
        assertSamples(w -> w.ratio().lte(2.5), "a", "b");
        assertSamples(w -> w.amount().gt(new BigDecimal("2.4999")), "b", "c");
        assertSamples(w -> w.amount().lt(new BigDecimal("1.2501")), "a");
        assertSamples(w -> w.at().gte(Y2021), "b", "c");
        assertSamples(w -> w.atMicros().lt(Y2021.plusNanos(1_000)), "a", "b");
        assertSamples(w -> w.at().gt(Y2022.minusMillis(1)), "c");
        assertSamples(w -> w.label().gt("a"), "b", "c");
        assertSamples(w -> w.label().lte("b"), "a", "b");
    }

    @Test
    void likeWildcardsInTheValueMatchLiterally() {
        assertMaybes(w -> w.text().contains("a%b"), "m1");
        assertMaybes(w -> w.text().contains("%"), "m1");
        assertMaybes(w -> w.text().contains("a_b"), "m3");
        assertMaybes(w -> w.text().contains("_"), "m3");
        assertMaybes(w -> w.text().contains("a\\b"), "m5");
        assertMaybes(w -> w.text().contains("\\"), "m5");
        assertMaybes(w -> w.text().startsWith("a%"), "m1");
        assertMaybes(w -> w.text().startsWith("a_"), "m3");
        assertMaybes(w -> w.text().startsWith("a\\"), "m5");
        assertMaybes(w -> w.text().endsWith("%b"), "m1");
        assertMaybes(w -> w.text().endsWith("_b"), "m3");
        assertMaybes(w -> w.text().endsWith("\\b"), "m5");
        assertMaybes(w -> w.text().startsWith("a").text().endsWith("b"), "m1", "m2", "m3", "m4", "m5", "m6");
        assertMaybes(w -> w.text().contains(""), "m1", "m2", "m3", "m4", "m5", "m6", "m7");
        assertMaybes(w -> w.text().contains("World"), "m7");
        assertMaybes(w -> w.text().contains("world"));
    }

    @Test
    void insensitiveModeIgnoresCase() {
        assertMaybes(w -> w.text().insensitive().contains("wORLD"), "m7");
        assertMaybes(w -> w.text().insensitive().startsWith("hello"), "m7");
        assertMaybes(w -> w.text().insensitive().endsWith("D"), "m7");
        assertMaybes(w -> w.text().insensitive().eq("hello world"), "m7");
        assertMaybes(w -> w.text().insensitive().in(List.of("HELLO WORLD", "AB")), "m6", "m7");
        assertMaybes(w -> w.text().insensitive().contains("A%B"), "m1");
        assertMaybes(w -> w.text().insensitive().contains("A_B"), "m3");
        assertSamples(w -> w.label().insensitive().eq("B"), "b");
    }

    @Test
    void nullChecksOnEveryOptionalType() {
        assertMaybes(w -> w.text().isNull(), "m8");
        assertMaybes(w -> w.flag().isNull(), "m8");
        assertMaybes(w -> w.count_().isNull(), "m8");
        assertMaybes(w -> w.big().isNull(), "m8");
        assertMaybes(w -> w.ratio().isNull(), "m8");
        assertMaybes(w -> w.amount().isNull(), "m8");
        assertMaybes(w -> w.at().isNull(), "m8");
        assertMaybes(w -> w.doc().isNull(), "m8");
        assertMaybes(w -> w.blob().isNull(), "m8");
        assertMaybes(w -> w.colour().isNull(), "m8");
        assertMaybes(w -> w.colour().isNotNull().count_().lt(3), "m1", "m2");
        assertMaybes(w -> w.doc().isNotNull().doc().eq(Json.of(7)), "m7");
        assertMaybes(w -> w.text().isNotNull().label().gte("m7"), "m7");
    }

    @Test
    void andOrNotNestFreely() {
        assertSamples(w -> w.or(o -> o.label().eq("a"), o -> o.count_().gt(2)), "a", "c");
        assertSamples(w -> w.and(a -> a.flag().eq(true), a -> a.colour().not(Colour.RED)), "c");
        assertSamples(w -> w.not(n -> n.flag().eq(true)), "b");
        assertSamples(w -> w.not(n -> n.or(o -> o.label().eq("a"), o -> o.label().eq("b"))), "c");
        assertSamples(w -> w.or(o -> o.and(a -> a.flag().eq(true), a -> a.count_().lt(2)),
                o -> o.not(n -> n.or(x -> x.flag().eq(true), x -> x.big().gt(25L)))), "a", "b");
        // As in Prisma: an empty OR matches nothing, an empty AND everything.
        assertSamples(w -> w.or());
        assertSamples(w -> w.and(), "a", "b", "c");
        assertMaybes(w -> w.not(n -> n.text().isNull()).not(n -> n.text().contains("a")), "m7");
        assertMaybes(w -> w.or(o -> o.text().isNull(), o -> o.count_().eq(1)), "m1", "m8");
    }

    @Test
    void scalarListFilters() {
        assertSamples(w -> w.tags().has("y"), "a", "b");
        assertSamples(w -> w.tags().has("zzz"));
        assertSamples(w -> w.tags().hasEvery(List.of("x", "y")), "a");
        assertSamples(w -> w.tags().hasEvery(List.of()), "a", "b", "c");
        assertSamples(w -> w.tags().hasSome(List.of("x", "zzz")), "a");
        assertSamples(w -> w.tags().hasSome(List.of()));
        assertSamples(w -> w.tags().isEmpty(), "c");
        assertSamples(w -> w.tags().eq(List.of("y")), "b");
        assertSamples(w -> w.scores().has(2), "a", "b");
        assertSamples(w -> w.scores().hasEvery(List.of(3, 2)), "b");
        assertSamples(w -> w.scores().hasSome(List.of(1, 3)), "a", "b");
        assertSamples(w -> w.scores().isEmpty(), "c");
        assertSamples(w -> w.colours().has(Colour.BLUE), "b");
        assertSamples(w -> w.colours().hasSome(List.of(Colour.RED, Colour.BLUE)), "a", "b");
        assertSamples(w -> w.colours().hasEvery(List.of(Colour.BLUE, Colour.GREEN)), "b");
        assertSamples(w -> w.colours().isEmpty(), "c");
        assertSamples(w -> w.not(n -> n.colours().isEmpty()), "a", "b");
    }
}
