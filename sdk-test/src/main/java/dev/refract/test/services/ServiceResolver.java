package dev.refract.test.services;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Chooses the server of one kind: the URL variable if set; else the first local candidate that
 * answers a real protocol check; else an embedded server started here. With
 * {@code refract.test.services=embedded} it goes straight to the embedded server.
 */
final class ServiceResolver {

    /** Long enough for a loaded machine, short enough that a missing server costs little. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final ServerKind kind;
    private final List<ServerEndpoint> localCandidates;
    private final ServerProbe probe;
    private final EmbeddedServer.Starter embedded;

    ServiceResolver(ServerKind kind, List<ServerEndpoint> localCandidates, ServerProbe probe,
                    EmbeddedServer.Starter embedded) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.localCandidates = List.copyOf(localCandidates);
        this.probe = Objects.requireNonNull(probe, "probe");
        this.embedded = Objects.requireNonNull(embedded, "embedded");
    }

    /** A resolver whose local candidates listen on the standard port of {@code kind}. */
    static ServiceResolver onStandardPort(ServerKind kind, IntFunction<List<ServerEndpoint>> localCandidates,
                                          ServerProbe probe, EmbeddedServer.Starter embedded) {
        return new ServiceResolver(kind, localCandidates.apply(kind.standardPort()), probe, embedded);
    }

    ServerKind kind() {
        return kind;
    }

    /**
     * Resolves the server the way {@code settings} say.
     *
     * @throws IllegalStateException when the configured URL does not answer or the embedded server cannot start
     * @throws IllegalArgumentException when the configured URL cannot be read
     */
    Resolution resolve(ServiceSettings settings) {
        long started = System.nanoTime();
        if (settings.forceEmbedded()) {
            return startEmbedded(started, "forced by " + ServiceSettings.MODE_PROPERTY + "=embedded");
        }
        Optional<String> url = settings.url(kind);
        if (url.isPresent()) {
            ServerEndpoint configured = ServerEndpoint.fromUrl(kind, url.get());
            try {
                probe.check(configured, PROBE_TIMEOUT);
            } catch (Exception e) {
                throw new IllegalStateException(kind.urlVariable() + " names " + configured.address()
                        + ", but no " + kind.label() + " server answers there (" + reason(e) + "). Start that server,"
                        + " correct the URL, or unset " + kind.urlVariable() + " to use a local or embedded server.", e);
            }
            return new Resolution(configured, since(started), Optional.empty(), "");
        }
        List<String> refusals = new ArrayList<>();
        for (ServerEndpoint candidate : localCandidates) {
            try {
                probe.check(candidate, PROBE_TIMEOUT);
                return new Resolution(candidate, since(started), Optional.empty(), "");
            } catch (Exception e) {
                refusals.add(candidate.user() + "@" + candidate.address() + "/" + candidate.database() + ": " + reason(e));
            }
        }
        String why = localCandidates.isEmpty()
                ? ""
                : "no local server answered on " + localCandidates.get(0).address();
        return startEmbedded(started, why, refusals);
    }

    private Resolution startEmbedded(long started, String why) {
        return startEmbedded(started, why, List.of());
    }

    private Resolution startEmbedded(long started, String why, List<String> refusals) {
        EmbeddedServer server;
        try {
            server = embedded.start();
        } catch (Exception e) {
            String tried = refusals.isEmpty() ? "" : " Local servers tried: " + String.join("; ", refusals) + ".";
            String remedy = localCandidates.isEmpty()
                    ? " Set " + kind.urlVariable() + " to a server's URL."
                    : " Run a local server on " + localCandidates.get(0).address() + " or set " + kind.urlVariable()
                            + " to a server's URL.";
            throw new IllegalStateException("could not start an embedded " + kind.label() + " server: " + reason(e)
                    + "." + tried + remedy, e);
        }
        return new Resolution(server.endpoint(), since(started), Optional.of(server), why);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
