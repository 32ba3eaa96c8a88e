package dev.refract.test.services;

import java.time.Duration;

/** Checks with a real protocol exchange (a query, a PING) that a server answers at an endpoint. */
@FunctionalInterface
interface ServerProbe {

    /**
     * Returns normally when the server answered within {@code timeout}.
     *
     * @throws Exception whose message says why it did not answer
     */
    void check(ServerEndpoint endpoint, Duration timeout) throws Exception;
}
