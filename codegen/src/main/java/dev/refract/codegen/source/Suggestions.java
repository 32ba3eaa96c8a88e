package dev.refract.codegen.source;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for misspelt names and keywords: the known word closest by edit distance. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code name} (ignoring case), when it is close enough to be a likely
     * typo: the edits allowed grow with the name's length, from one up to three.
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        return closest(name, candidates, Math.max(1, Math.min(3, (name.length() + 2) / 3)));
    }

    /**
     * The candidate closest to {@code name} (ignoring case) that is at most {@code maxEdits} edits
     * away; the first of equally close candidates wins.
     */
    public static Optional<String> closest(String name, Collection<String> candidates, int maxEdits) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - name.length()) > maxEdits) {
                // Needs more edits than allowed anyway; keeps the quadratic distance off far-off words.
                continue;
            }
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= maxEdits ? Optional.of(best) : Optional.empty();
    }

    /**
     * {@code Did you mean "X"?} with {@code prefix} before the suggested name, or {@code fallback}
     * when nothing is close ({@link #closest(String, Collection)}).
     */
    public static String didYouMean(String name, Collection<String> candidates, String prefix, String fallback) {
        return closest(name, candidates).map(c -> "Did you mean \"" + prefix + c + "\"?").orElse(fallback);
    }

    /** {@link #didYouMean(String, Collection, String, String)} without a prefix. */
    public static String didYouMean(String name, Collection<String> candidates, String fallback) {
        return didYouMean(name, candidates, "", fallback);
    }

    /** The Levenshtein distance between {@code a} and {@code b}, with a swap of neighbours counted as one edit. */
    static int distance(String a, String b) {
        // Three rolling rows of the distance matrix: the swap rule looks two rows back.
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
