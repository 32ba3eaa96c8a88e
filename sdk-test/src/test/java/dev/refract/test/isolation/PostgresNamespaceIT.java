package dev.refract.test.isolation;

import dev.refract.test.services.ServerEndpoint;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresNamespaceIT extends SqlNamespaceContract<PostgresNamespace> {

    @Override
    PostgresNamespace create(String label) {
        return PostgresNamespace.create(label);
    }

    @Override
    String jdbcUrl(PostgresNamespace namespace) {
        return namespace.jdbcUrl();
    }

    @Override
    String r2dbcUrl(PostgresNamespace namespace) {
        return namespace.r2dbcUrl();
    }

    @Override
    Connection connect(PostgresNamespace namespace) throws SQLException {
        return namespace.connect();
    }

    @Override
    String textType() {
        return "text";
    }

    @Override
    String quote(String identifier) {
        return "\"" + identifier + "\"";
    }

    /** The server's own database, outside the namespace's search path. */
    @Override
    Connection connectToServer(ServerEndpoint endpoint) throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl());
    }

    @Test
    void namesTheSchemaAfterItsOwnerSafely() {
        try (PostgresNamespace namespace = PostgresNamespace.create("Orders \"quoted\"; drop table x")) {
            assertThat(namespace.schema()).matches("rt_orders_quoted_drop_table_x_[0-9a-f]{12}");
        }
    }
}
