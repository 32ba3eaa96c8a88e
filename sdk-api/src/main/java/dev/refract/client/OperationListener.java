package dev.refract.client;

/**
 * Hears of every model operation a client runs once it has ended, e.g. to time it in a metrics
 * registry. Set it with {@link ClientOptions.Builder#listener(OperationListener)}; a client without a
 * listener times nothing and pays nothing for it.
 *
 * <p>Called on the thread that delivered the operation's last signal, often a driver's event loop: an
 * implementation must return quickly, must not block and must not throw (what it throws is dropped, so
 * that a failing listener never fails the user's call).
 */
@FunctionalInterface
public interface OperationListener {

    /** {@code event}'s operation has succeeded, failed or been cancelled by its subscriber. */
    void operationEnded(OperationEvent event);
}
