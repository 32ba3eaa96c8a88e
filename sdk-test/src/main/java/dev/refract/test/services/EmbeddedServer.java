package dev.refract.test.services;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A server this JVM started; {@link #stop()} ends it and may be called more than once. Obtain one
 * with {@link EmbeddedServers#start(ServerKind)}.
 */
public interface EmbeddedServer {

    /** Where the started server listens. */
    ServerEndpoint endpoint();

    /** Stops the server and removes its files; never throws (a failure is printed). */
    void stop();

    /** Whether {@link #stop()} has been called. */
    boolean stopped();

    /** A started server that {@code shutdown} stops, at most once. */
    static EmbeddedServer of(ServerEndpoint endpoint, Shutdown shutdown) {
        return new Started(endpoint, shutdown, new AtomicBoolean());
    }

    /** Starts one embedded server of a kind. */
    @FunctionalInterface
    interface Starter {
        /** Starts the server and returns once it accepts connections. */
        EmbeddedServer start() throws Exception;
    }

    /** Stops a server; may throw, which {@link EmbeddedServer#stop()} reports instead. */
    @FunctionalInterface
    interface Shutdown {
        void run() throws Exception;
    }

    /**
     * The one implementation: stop runs the shutdown once, even when a shutdown hook races a test.
     *
     * @param endpoint where the server listens
     * @param shutdown what stops it
     * @param done     set once the shutdown has run
     */
    record Started(ServerEndpoint endpoint, Shutdown shutdown, AtomicBoolean done) implements EmbeddedServer {

        @Override
        public void stop() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            try {
                shutdown.run();
            } catch (Exception e) {
                System.err.println("refract-test: could not stop the embedded " + endpoint.kind().label()
                        + " server on " + endpoint.address() + ": " + e);
            }
        }

        @Override
        public boolean stopped() {
            return done.get();
        }
    }
}
