package dev.refract.boot.autoconfigure;

import dev.refract.client.GeneratedClient;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the client when the context stops, and lets the context go on only once every pool is
 * released: the close runs without blocking, and Spring waits for its callback. Its phase is low, so
 * it stops after the web server, whose requests may still use the client while it drains.
 */
final class ClientShutdown implements SmartLifecycle {

    /** Stops after the web server's graceful shutdown and stop, which have higher phases. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final GeneratedClient client;
    private volatile boolean running;

    ClientShutdown(GeneratedClient client) {
        this.client = client;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Spring stops a smart lifecycle through {@link #stop(Runnable)}; this closes without waiting. */
    @Override
    public void stop() {
        running = false;
        client.core().close();
    }

    @Override
    public void stop(Runnable callback) {
        running = false;
        client.core().closeAsync().subscribe(null, error -> callback.run(), callback);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
