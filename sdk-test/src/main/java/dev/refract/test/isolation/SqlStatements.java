package dev.refract.test.isolation;

import dev.refract.test.services.ServerEndpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs the statements that create or drop a SQL namespace on its server, with an error that names what failed. */
final class SqlStatements {

    /** Opens a connection to the server itself, outside any namespace. */
    @FunctionalInterface
    interface Connector {
        Connection connect(ServerEndpoint endpoint) throws SQLException;
    }

    private SqlStatements() {
    }

    /**
     * Runs {@code statements} in order on one connection to {@code endpoint}.
     *
     * @param action what the statements do, e.g. {@code create the MySQL database rt_x_1a2b}
     * @param hint   said after the server when it refuses, e.g. a likely cause; empty for none
     * @throws IllegalStateException "could not {@code action} on server{@code hint}: reason" when a statement fails
     */
    static void run(Connector connector, ServerEndpoint endpoint, String action, String hint, List<String> statements) {
        try (Connection connection = connector.connect(endpoint);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not " + action + " on " + endpoint.describe() + hint + ": "
                    + e.getMessage(), e);
        }
    }
}
