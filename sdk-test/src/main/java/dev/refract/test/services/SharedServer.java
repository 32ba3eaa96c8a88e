package dev.refract.test.services;

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
        try {
            Resolution resolution = resolver.resolve(ServiceSettings.fromEnvironment());
            resolution.embedded().ifPresent(server -> Runtime.getRuntime().addShutdownHook(
                    new Thread(server::stop, "refract-test-stop-" + resolver.kind().label())));
            System.err.println(resolution.announcement());
            return new SharedServer(resolver.kind(), resolution.endpoint(), null);
        } catch (RuntimeException e) {
            System.err.println("refract-test: " + resolver.kind().label() + " -> unavailable: " + e.getMessage());
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
