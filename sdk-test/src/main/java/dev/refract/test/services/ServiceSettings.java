package dev.refract.test.services;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the environment says about finding servers: the URL variables of each kind and whether
 * embedded servers are forced. Each name is read as a system property first, then as an
 * environment variable, so a build can set either.
 *
 * @param lookup         reads one setting by name, {@code null} when it is not set
 * @param forceEmbedded  true when {@code refract.test.services=embedded} (or {@code REFRACT_TEST_SERVICES})
 */
record ServiceSettings(UnaryOperator<String> lookup, boolean forceEmbedded) {

    static final String MODE_PROPERTY = "refract.test.services";
    static final String MODE_VARIABLE = "REFRACT_TEST_SERVICES";

    /** The settings of this JVM: system properties, then environment variables. */
    static ServiceSettings fromEnvironment() {
        return from(name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name);
        });
    }

    /** Settings read through {@code lookup}; fails with a clear message on an unknown mode. */
    static ServiceSettings from(UnaryOperator<String> lookup) {
        String mode = lookup.apply(MODE_PROPERTY);
        if (mode == null) {
            mode = lookup.apply(MODE_VARIABLE);
        }
        String normalized = mode == null ? "" : mode.trim().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "", "auto" -> new ServiceSettings(lookup, false);
            case "embedded" -> new ServiceSettings(lookup, true);
            default -> throw new IllegalArgumentException(MODE_PROPERTY + "=" + mode + " is not understood: set it to"
                    + " 'embedded' to start embedded servers even where local ones run, or leave it unset"
                    + " (or 'auto') to use URL variables, then local servers, then embedded ones.");
        };
    }

    /** The URL configured for {@code kind}, if its variable is set and not blank. */
    Optional<String> url(ServerKind kind) {
        String value = lookup.apply(kind.urlVariable());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
