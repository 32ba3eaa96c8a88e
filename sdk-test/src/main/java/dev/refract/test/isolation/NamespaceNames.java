package dev.refract.test.isolation;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Makes namespace names that are safe, unquoted, in every store: lower-case letters, digits and
 * underscores, at most 48 characters (PostgreSQL allows 63, MySQL and MongoDB 64), e.g.
 * {@code rt_orderrepositoryit_3fa9c2e17b04}. The random suffix keeps parallel forks and earlier
 * crashed runs on the same server apart.
 */
final class NamespaceNames {

    static final String PREFIX = "rt_";
    private static final int LABEL_LIMIT = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private NamespaceNames() {
    }

    /** A fresh name for {@code label} (typically the test class's simple name). */
    static String generate(String label) {
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        return PREFIX + sanitize(label) + "_" + HexFormat.of().formatHex(suffix);
    }

    /** {@code label} reduced to lower-case letters, digits and single underscores, never empty. */
    static String sanitize(String label) {
        String reduced = (label == null ? "" : label).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (reduced.length() > LABEL_LIMIT) {
            reduced = reduced.substring(0, LABEL_LIMIT).replaceAll("_+$", "");
        }
        return reduced.isEmpty() ? "test" : reduced;
    }
}
