package dev.refract.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Cuid2GeneratorTest {

    @Test
    void isTwentyFourBase36CharactersStartingWithALetter() {
        Cuid2Generator generator = new Cuid2Generator(Clock.systemUTC(), new SecureRandom());

        for (int i = 0; i < 10_000; i++) {
            assertThat(generator.next()).matches("[a-z][0-9a-z]{23}");
        }
    }

    @Test
    void anyLengthFromTwoToThirtyTwoStartsWithALetter() {
        RandomCases.forAll(200, random -> Draw.between(random, 2, 32), length -> {
            Cuid2Generator generator = new Cuid2Generator(Clock.systemUTC(), new SecureRandom(), length);
            for (int i = 0; i < 50; i++) {
                assertThat(generator.next()).hasSize(length).matches("[a-z][0-9a-z]*");
            }
        });
    }

    @Test
    void firstLetterCoversTheWholeAlphabet() {
        Cuid2Generator generator = new Cuid2Generator(Clock.systemUTC(), new SecureRandom());
        Set<Character> letters = new HashSet<>();

        for (int i = 0; i < 5_000; i++) {
            letters.add(generator.next().charAt(0));
        }

        assertThat(letters).hasSize(26);
    }

    @Test
    void rejectsLengthsOutsideTwoToThirtyTwo() {
        assertThatThrownBy(() -> new Cuid2Generator(Clock.systemUTC(), new SecureRandom(), 33))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 2 and 32");
        assertThatThrownBy(() -> new Cuid2Generator(Clock.systemUTC(), new SecureRandom(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isUniqueOverAMillionIdsFromFourThreads() {
        IdChecks.assertUniqueAcrossThreads(new Cuid2Generator(Clock.systemUTC(), new SecureRandom()), 4, 250_000);
    }
}
