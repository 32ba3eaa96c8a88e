package dev.refract.codegen.validate;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for unknown names, by edit distance. */
final class Suggestions {

    private Suggestions() {
    }

    /** The candidate closest to {@code name}, when it is close enough to be a likely typo. */
    static Optional<String> closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, Math.min(3, (name.length() + 2) / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * {@code Did you mean "X"?} with {@code prefix} before the suggested name, or {@code fallback}
     * when nothing is close.
     */
    static String didYouMean(String name, Collection<String> candidates, String prefix, String fallback) {
        return closest(name, candidates).map(c -> "Did you mean \"" + prefix + c + "\"?").orElse(fallback);
    }

    /** {@link #didYouMean(String, Collection, String, String)} without a prefix. */
    static String didYouMean(String name, Collection<String> candidates, String fallback) {
        return didYouMean(name, candidates, "", fallback);
    }

    /** Levenshtein distance, with an adjacent swap counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
