package dev.refract.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NanoidGeneratorTest {

    @Test
    void isTwentyOneUrlSafeCharactersByDefault() {
        NanoidGenerator generator = new NanoidGenerator(new SecureRandom(), NanoidGenerator.DEFAULT_LENGTH);

        for (int i = 0; i < 10_000; i++) {
            assertThat(generator.next()).matches("[A-Za-z0-9_-]{21}");
        }
        assertThat(NanoidGenerator.URL_ALPHABET.chars().distinct().count()).isEqualTo(64);
    }

    @Test
    void anyLengthFromTwoTo255() {
        RandomCases.forAll(300, random -> Draw.between(random, 2, 255), length -> {
            String id = new NanoidGenerator(new SecureRandom(), length).next();
            assertThat(id).hasSize(length).matches("[A-Za-z0-9_-]+");
        });
    }

    @Test
    void urlAlphabetIsDrawnUniformly() {
        assertUniform(NanoidGenerator.URL_ALPHABET);
    }

    @Test
    void alphabetNotAPowerOfTwoIsDrawnUniformly() {
        // 37 symbols: a modulo of random bytes would favour 34 of them by 7 to 6.
        assertUniform("0123456789abcdefghijklmnopqrstuvwxyz.");
    }

    @Test
    void rejectsBadLengthsAndAlphabets() {
        assertThatThrownBy(() -> new NanoidGenerator(new SecureRandom(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 2 and 255");
        assertThatThrownBy(() -> new NanoidGenerator(new SecureRandom(), 256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NanoidGenerator(new SecureRandom(), "abca", 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeat");
    }

    @Test
    void isUniqueOverAMillionIdsFromFourThreads() {
        IdChecks.assertUniqueAcrossThreads(new NanoidGenerator(new SecureRandom(), 21), 4, 250_000);
    }

    /**
     * A chi-square test of the character counts against the uniform distribution, over 600,000
     * characters from a seeded source: the bound is the 0.9999 quantile for the degrees of freedom
     * (mean k-1, standard deviation √(2(k-1)), bound about mean + 4.3 standard deviations).
     */
    private static void assertUniform(String alphabet) {
        SplittableRandom seeded = new SplittableRandom(20_261_121L);
        NanoidGenerator generator = new NanoidGenerator(seeded::nextLong, alphabet, 30);
        long[] counts = new long[alphabet.length()];
        int ids = 20_000;
        for (int i = 0; i < ids; i++) {
            for (char c : generator.next().toCharArray()) {
                counts[alphabet.indexOf(c)]++;
            }
        }
        double expected = ids * 30.0 / alphabet.length();
        double chiSquare = 0;
        for (long count : counts) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        int freedom = alphabet.length() - 1;
        double bound = freedom + 4.3 * Math.sqrt(2.0 * freedom);
        assertThat(chiSquare).as("chi-square over %d symbols", alphabet.length()).isLessThan(bound);
    }
}
