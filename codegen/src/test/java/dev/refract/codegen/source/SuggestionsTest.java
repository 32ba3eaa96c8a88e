package dev.refract.codegen.source;

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
    void allowsMoreEditsForLongerNames() {
        assertThat(Suggestions.closest("ab", List.of("xy"))).isEmpty();
        assertThat(Suggestions.closest("ab", List.of("ax"))).contains("ax");
        assertThat(Suggestions.closest("abcdefgh", List.of("abcdexyz"))).contains("abcdexyz");
        assertThat(Suggestions.closest("abcdefgh", List.of("abcdwxyz"))).isEmpty();
    }

    @Test
    void keepsWithinAnExplicitNumberOfEdits() {
        assertThat(Suggestions.closest("modle", List.of("model", "enum"), 2)).contains("model");
        assertThat(Suggestions.closest("mdoel", List.of("model"), 0)).isEmpty();
        assertThat(Suggestions.closest("typ", List.of("type"), 0)).isEmpty();
        assertThat(Suggestions.closest("Type", List.of("type"), 0)).contains("type");
    }

    @Test
    void prefersTheFirstOfEquallyCloseCandidates() {
        assertThat(Suggestions.closest("cat", List.of("bat", "cab", "car"))).contains("bat");
    }

    @Test
    void saysDidYouMeanWithThePrefix() {
        assertThat(Suggestions.didYouMean("uniqe", List.of("unique"), "@", "fallback")).isEqualTo("Did you mean \"@unique\"?");
        assertThat(Suggestions.didYouMean("uniqe", List.of("unique"), "fallback")).isEqualTo("Did you mean \"unique\"?");
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
