package dev.refract.codegen.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
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

    @Property
    void distanceIsSymmetricAndZeroOnlyForEqualStrings(@ForAll @AlphaChars @StringLength(max = 12) String a,
            @ForAll @AlphaChars @StringLength(max = 12) String b) {
        assertThat(Suggestions.distance(a, b)).isEqualTo(Suggestions.distance(b, a));
        assertThat(Suggestions.distance(a, b) == 0).isEqualTo(a.equals(b));
        assertThat(Suggestions.distance(a, b)).isLessThanOrEqualTo(Math.max(a.length(), b.length()));
    }
}
