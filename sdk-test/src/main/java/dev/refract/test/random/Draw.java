package dev.refract.test.random;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Small ways to draw common inputs from a random source, for use inside {@link RandomCases}. */
public final class Draw {

    /** Every printable ASCII character, URL and SQL delimiters included. */
    public static final String PRINTABLE_ASCII = printableAscii();

    private Draw() {
    }

    private static String printableAscii() {
        StringBuilder characters = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            characters.append(c);
        }
        return characters.toString();
    }

    /** One element of {@code choices}, which must not be empty. */
    public static <T> T oneOf(SplittableRandom random, List<? extends T> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        return choices.get(random.nextInt(choices.size()));
    }

    /** A whole number in {@code [min, max]}. */
    public static int between(SplittableRandom random, int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** A string of {@code min} to {@code max} characters, each one of {@code alphabet}. */
    public static String string(SplittableRandom random, String alphabet, int min, int max) {
        int length = between(random, min, max);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /**
     * A string of {@code min} to {@code max} UTF-16 units drawn from the whole range, lone
     * surrogates, NUL and control characters included, with ASCII more likely than the rest.
     */
    public static String anyString(SplittableRandom random, int min, int max) {
        int length = between(random, min, max);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(3) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1)
                    : (char) random.nextInt(0x80));
        }
        return text.toString();
    }

    /** A list of {@code min} to {@code max} elements, each drawn by {@code element}. */
    public static <T> List<T> listOf(SplittableRandom random, int min, int max,
            Function<SplittableRandom, ? extends T> element) {
        int size = between(random, min, max);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.apply(random));
        }
        return list;
    }
}
