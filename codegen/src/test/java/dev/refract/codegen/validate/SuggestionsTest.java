package dev.refract.codegen.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void suggestsTheClosestCandidateForATypo() {
        assertThat(Suggestions.closest("Strin", List.of("String", "Int", "Status"))).contains("String");
        assertThat(Suggestions.closest("uniq", List.of("id", "unique", "map"))).contains("unique");
    }

    @Test
    void countsASwapOfNeighboursAsOneEdit() {
        assertThat(Suggestions.distance("Stauts", "Status")).isEqualTo(1);
    }

    @Test
    void ignoresCaseWhenComparing() {
        assertThat(Suggestions.closest("postgresql", List.of("PostgreSQL"))).contains("PostgreSQL");
    }

    @Test
    void suggestsNothingForAFarName() {
        assertThat(Suggestions.closest("Invoice", List.of("String", "Int", "User"))).isEmpty();
        assertThat(Suggestions.didYouMean("Invoice", List.of("User"), "fallback")).isEqualTo("fallback");
    }

    @Test
    void distanceIsSymmetricAndZeroOnlyForEqualStrings() {
        // a small alphabet, so that equal and nearly equal pairs are drawn often
        RandomCases.forAll(1000, random -> List.of(Draw.string(random, "abAB", 0, 12), Draw.string(random, "abAB", 0, 12)),
                pair -> {
                    String a = pair.get(0);
                    String b = pair.get(1);
                    assertThat(Suggestions.distance(a, b)).isEqualTo(Suggestions.distance(b, a));
                    assertThat(Suggestions.distance(a, b) == 0).isEqualTo(a.equals(b));
                    assertThat(Suggestions.distance(a, b)).isLessThanOrEqualTo(Math.max(a.length(), b.length()));
                });
    }
}
