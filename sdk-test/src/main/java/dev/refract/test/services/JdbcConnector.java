package dev.refract.test.services;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Opens JDBC connections to a SQL server with given timeouts, so that a stuck server fails a test
 * instead of hanging it; the default timeouts of test setup and the {@code select 1} check every
 * SQL service shares are built on it.
 */
@FunctionalInterface
interface JdbcConnector {

    /** Opens a connection to {@code endpoint}, giving up after the timeouts. */
    Connection connect(ServerEndpoint endpoint, Duration connectTimeout, Duration socketTimeout) throws SQLException;

    /** Opens a connection with the timeouts of test setup: ten seconds to connect, a minute a statement. */
    default Connection connect(ServerEndpoint endpoint) throws SQLException {
        return connect(endpoint, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    /** Returns normally when the server answers {@code select 1} within {@code timeout}. */
    default void check(ServerEndpoint endpoint, Duration timeout) throws SQLException {
        try (Connection connection = connect(endpoint, timeout, timeout);
             Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        }
    }
}
