package dev.refract.conformance.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.conformance.Ability;
import dev.refract.conformance.Conformance;
import dev.refract.conformance.ConformanceContext;
import dev.refract.conformance.client.Author;
import dev.refract.conformance.client.Phrase;
import dev.refract.conformance.client.PhraseWhere;
import dev.refract.conformance.client.Post;
import dev.refract.conformance.client.RefractClient;
import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text that means something to a query language (regular expression and LIKE metacharacters,
 * MongoDB operators written as values, quotes, backslashes, dotted paths) is stored as it is and
 * matched literally: what a condition finds is exactly what the same comparison finds in Java over
 * the stored texts. The texts hold no letters in two cases and no accented letters, whose matching
 * in the default mode is the store's collation, and end in no space, which some collations pad.
 */
@Conformance
class HostileTextIT {

    private static final List<String> HOSTILE = List.of(".*", ".", "%", "_", "%_%", "\\%", "\\_", "$gt", "$ne",
            "{\"$ne\": 1}", "{\"$gt\": \"\"}", "'", "''", "\"", "`", "\\", "\\\\", "a.b.c", "$where", "^", "$", "[a-z]",
            "(?i)", "|", "+", "?", "{2}", "--", ";", "/*", "*/", "' or '1'='1", "\\'", "€", "→", "😀");

    private static final String PLAIN = "abcxyz0189 ";

    private final ConformanceContext context;
    private final RefractClient db;

    HostileTextIT(ConformanceContext context) {
        this.context = context;
        this.db = context.client();
    }

    @BeforeEach
    void clear() {
        context.clear();
    }

    /** A text made of hostile pieces and plain characters, never ending in a space. */
    private static String hostileText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int pieces = Draw.between(random, 1, 4);
        for (int i = 0; i < pieces; i++) {
            text.append(Draw.string(random, PLAIN, 0, 3));
            text.append(Draw.oneOf(random, HOSTILE));
        }
        text.append(Draw.string(random, PLAIN.trim(), 0, 2));
        return text.toString();
    }

    /** A stretch of {@code text}, not starting or ending in a space, for a substring condition. */
    private static String stretchOf(SplittableRandom random, String text) {
        int from = Draw.between(random, 0, text.length() - 1);
        int to = Draw.between(random, from + 1, text.length());
        String stretch = text.substring(from, to).strip();
        return stretch.isEmpty() || Character.isLowSurrogate(stretch.charAt(0))
                || Character.isHighSurrogate(stretch.charAt(stretch.length() - 1)) ? text : stretch;
    }

    private record Case(String text, String stretch) {
    }

    private List<String> found(Consumer<PhraseWhere> where) {
        return db.phrase().findMany(q -> q.where(where)).map(Phrase::tag).sort().collectList()
                .block(ConformanceContext.WAIT);
    }

    private static List<String> expected(List<Phrase> stored, String value, BiPredicate<String, String> test) {
        List<String> tags = new ArrayList<>();
        for (Phrase phrase : stored) {
            if (test.test(phrase.text(), value)) {
                tags.add(phrase.tag());
            }
        }
        tags.sort(null);
        return tags;
    }

    @Test
    void hostileTextIsStoredAsItIsAndMatchedLiterally() {
        List<Phrase> stored = new ArrayList<>();
        int[] number = {0};
        RandomCases.forAll(40, random -> {
            String text = hostileText(random);
            return new Case(text, stretchOf(random, text));
        }, input -> {
            String tag = String.format("t%03d", number[0]++);
            Phrase created = db.phrase().create(c -> c.text(input.text()).tag(tag)).block(ConformanceContext.WAIT);
            assertThat(created.text()).isEqualTo(input.text());
            stored.add(created);

            assertThat(db.phrase().findUniqueOrThrow(q -> q.where(w -> w.id(created.id()))).block(ConformanceContext.WAIT)
                    .text()).isEqualTo(input.text());
            assertThat(found(w -> w.text().eq(input.text())))
                    .isEqualTo(expected(stored, input.text(), String::equals));
            assertThat(found(w -> w.text().contains(input.stretch())))
                    .isEqualTo(expected(stored, input.stretch(), String::contains));
            assertThat(found(w -> w.text().startsWith(input.stretch())))
                    .isEqualTo(expected(stored, input.stretch(), String::startsWith));
            assertThat(found(w -> w.text().endsWith(input.stretch())))
                    .isEqualTo(expected(stored, input.stretch(), String::endsWith));
            assertThat(found(w -> w.text().in(input.stretch(), input.text())))
                    .isEqualTo(expected(stored, input.text(), (t, v) -> t.equals(v) || t.equals(input.stretch())));
        });
    }

    @Test
    void hostileTextInARelationFilterMatchesOnlyItself() {
        context.require(Ability.RELATION_FILTERS);
        for (String name : HOSTILE) {
            db.author().create(c -> c.email(name + "@example.com").name(name)).block(ConformanceContext.WAIT);
        }
        for (String name : HOSTILE) {
            String author = db.author().findUniqueOrThrow(q -> q.where(w -> w.email(name + "@example.com")))
                    .block(ConformanceContext.WAIT).id();
            db.post().create(c -> c.title(name).authorId(author)).block(ConformanceContext.WAIT);
        }
        for (String name : HOSTILE) {
            List<String> titles = db.post().findMany(q -> q.where(w -> w.author().is(a -> a.name().eq(name))))
                    .map(Post::title).collectList().block(ConformanceContext.WAIT);
            assertThat(titles).as("the posts of the author named %s", name).containsExactly(name);
            List<String> authors = db.author().findMany(q -> q.where(w -> w.posts().some(p -> p.title().eq(name))))
                    .map(Author::name).collectList().block(ConformanceContext.WAIT);
            assertThat(authors).as("the authors of the post titled %s", name).containsExactly(name);
        }
    }

    @Test
    void operatorsWrittenAsValuesAreOnlyText() {
        db.phrase().create(c -> c.text("{\"$ne\": 1}").tag("operator")).block(ConformanceContext.WAIT);
        db.phrase().create(c -> c.text("plain").tag("plain")).block(ConformanceContext.WAIT);
        assertThat(found(w -> w.text().eq("{\"$ne\": 1}"))).containsExactly("operator");
        assertThat(found(w -> w.text().eq("$gt"))).isEmpty();
        assertThat(found(w -> w.text().contains(".*"))).isEmpty();
        assertThat(found(w -> w.text().contains("%"))).isEmpty();
        assertThat(found(w -> w.text().startsWith("_"))).isEmpty();
        assertThat(found(w -> w.tag().in("{\"$ne\": 1}", "$gt"))).isEmpty();
    }
}
