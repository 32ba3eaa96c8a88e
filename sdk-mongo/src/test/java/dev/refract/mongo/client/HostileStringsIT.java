package dev.refract.mongo.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.mongo.store.RefractClient;
import dev.refract.mongo.store.Setting;
import dev.refract.mongo.store.SettingWhere;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strings made of regular-expression metacharacters, query operators and dots are matched
 * literally by every string filter: each random case stores a hostile value beside look-alikes that
 * a filter read as a pattern or an operator would also match, and checks that each filter finds
 * exactly the records whose values satisfy it as plain text.
 */
class HostileStringsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HOSTILE = ".*+?^$()[]{}|\\/-\"'$gt$ne$regex.a.b\n AbZz";

    private static MongoNamespace namespace;
    private static RefractClient db;

    @BeforeAll
    static void start() {
        namespace = MongoNamespace.create("HostileStringsIT");
        db = RefractClient.builder().datasource("docs", namespace.mongoUrl()).build();
    }

    @AfterAll
    static void stop() {
        db.close();
        namespace.close();
    }

    /** One case: a hostile value and a part of it. */
    record Case(String value, int from, int to) {
        String part() {
            return value.substring(from, to);
        }
    }

    private static Case draw(SplittableRandom random) {
        String value = Draw.string(random, HOSTILE, 1, 12);
        int from = Draw.between(random, 0, value.length() - 1);
        int to = Draw.between(random, from + 1, value.length());
        return new Case(value, from, to);
    }

    @Test
    void stringFiltersMatchHostileValuesLiterally() {
        RandomCases.forAll(60, HostileStringsIT::draw, hostile -> {
            db.setting().deleteMany().block(WAIT);
            String value = hostile.value();
            List<String> stored = List.of(value, "x" + value + "x", value.toUpperCase(Locale.ROOT),
                    value.replace('.', 'q'), value.replace("$", ""), "\\" + value, "plain", ".*", "$gt");
            for (int i = 0; i < stored.size(); i++) {
                int index = i;
                db.setting().create(c -> c.key("k" + index).value(stored.get(index))).block(WAIT);
            }
            String part = hostile.part();
            assertThat(values(w -> w.value().eq(value))).allMatch(value::equals).contains(value);
            assertThat(values(w -> w.value().insensitive().eq(value))).allMatch(value::equalsIgnoreCase)
                    .contains(value);
            assertThat(values(w -> w.value().contains(part))).allMatch(v -> v.contains(part))
                    .hasSameSizeAs(stored.stream().filter(v -> v.contains(part)).toList());
            assertThat(values(w -> w.value().startsWith(part))).allMatch(v -> v.startsWith(part))
                    .hasSameSizeAs(stored.stream().filter(v -> v.startsWith(part)).toList());
            assertThat(values(w -> w.value().endsWith(part))).allMatch(v -> v.endsWith(part))
                    .hasSameSizeAs(stored.stream().filter(v -> v.endsWith(part)).toList());
            assertThat(values(w -> w.value().insensitive().contains(part)))
                    .hasSameSizeAs(stored.stream().filter(v -> v.toLowerCase(Locale.ROOT)
                            .contains(part.toLowerCase(Locale.ROOT))).toList());
        });
    }

    private static List<String> values(Consumer<SettingWhere> where) {
        return db.setting().findMany(q -> q.where(where)).map(Setting::value).collectList().block(WAIT);
    }
}
