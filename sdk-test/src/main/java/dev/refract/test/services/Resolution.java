package dev.refract.test.services;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of resolving one kind of server.
 *
 * @param endpoint the chosen server
 * @param took     how long the choice took, including an embedded start
 * @param embedded the server started for it, when the choice was an embedded one
 * @param why      why this origin was chosen, for the one-line announcement
 */
record Resolution(ServerEndpoint endpoint, Duration took, Optional<EmbeddedServer> embedded, String why) {

    /** e.g. {@code refract-test: postgresql -> local 127.0.0.1:5432 (database test)}. */
    String announcement() {
        String line = "refract-test: " + endpoint.kind().label() + " -> " + endpoint.describe();
        if (embedded.isPresent()) {
            line += String.format(Locale.ROOT, ", started in %.1f s", took.toMillis() / 1000.0);
        }
        return why.isEmpty() ? line : line + " [" + why + "]";
    }
}
