package dev.refract.test.services;

import java.io.PrintStream;

/**
 * The outcome of resolving one kind once in this JVM: the endpoint, or the failure that every
 * later caller sees again. Embedded servers get a shutdown hook; the choice is printed once.
 */
final class SharedServer {

    private final ServerKind kind;
    private final ServerEndpoint endpoint;
    private final RuntimeException failure;

    private SharedServer(ServerKind kind, ServerEndpoint endpoint, RuntimeException failure) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.failure = failure;
    }

    static SharedServer resolveOnce(ServiceResolver resolver) {
        return resolveOnce(resolver, ServiceSettings.fromEnvironment(), System.err);
    }

    static SharedServer resolveOnce(ServiceResolver resolver, ServiceSettings settings, PrintStream announcements) {
        String label = resolver.kind().label();
        try {
            Resolution resolution = resolver.resolve(settings);
            resolution.embedded().ifPresent(server -> Runtime.getRuntime().addShutdownHook(
                    new Thread(server::stop, "refract-test-stop-" + label)));
            announcements.println(resolution.announcement());
            return new SharedServer(resolver.kind(), resolution.endpoint(), null);
        } catch (RuntimeException e) {
            announcements.println("refract-test: " + label + " -> unavailable: " + e.getMessage());
            return new SharedServer(resolver.kind(), null, e);
        }
    }

    ServerEndpoint endpoint() {
        if (failure != null) {
            // a fresh exception, so the stack trace shows the test that asked
            throw new IllegalStateException("no " + kind.label() + " server for the tests: " + failure.getMessage(), failure);
        }
        return endpoint;
    }
}
