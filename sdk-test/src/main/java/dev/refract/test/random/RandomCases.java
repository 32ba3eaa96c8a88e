package dev.refract.test.random;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a check over many random inputs. Each case draws its input from its own
 * {@link SplittableRandom}, seeded from a base seed and the case number, so a run is reproducible
 * and one failing case can be replayed alone.
 *
 * <p>The base seed is fixed unless the system property {@code refract.test.seed} gives another
 * (a run with {@code -Drefract.test.seed=$RANDOM} explores new inputs). A failure reports the
 * case's seed; {@code -Drefract.test.replay=<seed>} then runs that case only.
 */
public final class RandomCases {

    /** The base seed used when {@code refract.test.seed} is not set. */
    public static final long DEFAULT_SEED = 0x5EED_2026_11L;

    private static final int SHOWN_INPUT_CHARACTERS = 2_000;

    private RandomCases() {
    }

    /**
     * Draws {@code cases} inputs with {@code draw} and runs {@code check} on each, stopping at the
     * first failure with an {@link AssertionError} that names the case's seed and shows its input.
     *
     * @param cases how many inputs to check; at least 1
     * @param draw  makes one input from a random source; must use only that source
     * @param check throws when the input breaks the property
     */
    public static <T> void forAll(int cases, Function<SplittableRandom, ? extends T> draw, Consumer<? super T> check) {
        if (cases < 1) {
            throw new IllegalArgumentException("cases must be at least 1, was " + cases);
        }
        Objects.requireNonNull(draw, "draw");
        Objects.requireNonNull(check, "check");
        String replay = System.getProperty("refract.test.replay");
        if (replay != null && !replay.isBlank()) {
            runCase(parseSeed("refract.test.replay", replay), draw, check);
            return;
        }
        long base = baseSeed();
        for (int i = 0; i < cases; i++) {
            runCase(caseSeed(base, i), draw, check);
        }
    }

    private static <T> void runCase(long seed, Function<SplittableRandom, ? extends T> draw, Consumer<? super T> check) {
        T input = draw.apply(new SplittableRandom(seed));
        try {
            check.accept(input);
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError("Property failed for the case of seed " + seed
                    + " (replay it alone with -Drefract.test.replay=" + seed + ") on input:\n" + shown(input)
                    + "\n" + failure, failure);
        }
    }

    /** Spreads case numbers over the seed space so neighbouring cases are unrelated. */
    static long caseSeed(long base, int caseNumber) {
        return new SplittableRandom(base + caseNumber * 0x9E37_79B9_7F4A_7C15L).nextLong();
    }

    private static long baseSeed() {
        String configured = System.getProperty("refract.test.seed");
        return configured == null || configured.isBlank() ? DEFAULT_SEED : parseSeed("refract.test.seed", configured);
    }

    private static long parseSeed(String property, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "System property " + property + " must be a whole number (a seed), was \"" + value + "\"", e);
        }
    }

    private static String shown(Object input) {
        String text = String.valueOf(input);
        return text.length() <= SHOWN_INPUT_CHARACTERS ? text
                : text.substring(0, SHOWN_INPUT_CHARACTERS) + "… (" + text.length() + " characters in all)";
    }
}
