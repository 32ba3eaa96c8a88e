package dev.refract.r2dbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void escapesWildcardsAndTheEscapeCharacter() {
        assertThat(LikePattern.of("a%b_c\\d", LikePattern.Position.CONTAINS, '\\')).isEqualTo("%a\\%b\\_c\\\\d%");
        assertThat(LikePattern.of("x", LikePattern.Position.STARTS_WITH, '\\')).isEqualTo("x%");
        assertThat(LikePattern.of("x", LikePattern.Position.ENDS_WITH, '\\')).isEqualTo("%x");
        assertThat(LikePattern.of("a!%", LikePattern.Position.STARTS_WITH, '!')).isEqualTo("a!!!%%");
    }

    @Test
    void theEscapedMiddleReadsBackAsTheLiteralTextWithNoWildcard() {
        RandomCases.forAll(500, random -> Draw.string(random, "%_\\!ab", 0, 20), text -> {
            String pattern = LikePattern.of(text, LikePattern.Position.CONTAINS, '\\');
            assertThat(pattern).startsWith("%").endsWith("%");
            String middle = pattern.substring(1, pattern.length() - 1);
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < middle.length(); i++) {
                char c = middle.charAt(i);
                if (c == '\\') {
                    literal.append(middle.charAt(++i));
                } else {
                    assertThat(c).as("an unescaped wildcard in %s", pattern).isNotIn('%', '_');
                    literal.append(c);
                }
            }
            assertThat(literal.toString()).isEqualTo(text);
        });
    }
}
