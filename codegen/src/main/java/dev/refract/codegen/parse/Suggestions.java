package dev.refract.codegen.parse;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the known word closest to a misspelt one. */
public final class Suggestions {

    private Suggestions() {}

    /**
     * The candidate closest to {@code word} by edit distance (ignoring case), if it is close enough
     * to be a plausible typo: at most two edits, and fewer edits than the word has characters.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - word.length()) > 2) {
                // Too far apart to be a typo; also keeps the quadratic distance off very long words.
                continue;
            }
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.min(2, word.length() - 1);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** The Levenshtein distance between {@code a} and {@code b}, with transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[] previousPrevious = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, previousPrevious[j - 2] + 1);
                }
                current[j] = value;
            }
            int[] recycled = previousPrevious;
            previousPrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }
}
