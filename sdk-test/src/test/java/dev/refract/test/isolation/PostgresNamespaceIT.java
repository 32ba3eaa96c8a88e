package dev.refract.test.isolation;

import org.junit.jupiter.api.Test;

import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresNamespaceIT extends SqlNamespaceContract<PostgresNamespace> {

    PostgresNamespaceIT() {
        // the server is reached in its own database, outside the namespace's search path
        super(new Kind<>(PostgresNamespace::create, PostgresNamespace::jdbcUrl, PostgresNamespace::r2dbcUrl,
                PostgresNamespace::connect, "text", identifier -> "\"" + identifier + "\"",
                endpoint -> DriverManager.getConnection(endpoint.jdbcUrl())));
    }

    @Test
    void namesTheSchemaAfterItsOwnerSafely() {
        try (PostgresNamespace namespace = PostgresNamespace.create("Orders \"quoted\"; drop table x")) {
            assertThat(namespace.schema()).matches("rt_orders_quoted_drop_table_x_[0-9a-f]{12}");
        }
    }
}
