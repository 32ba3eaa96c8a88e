package dev.refract.r2dbc.ddl;

import static dev.refract.r2dbc.ddl.Catalog.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.refract.meta.SchemaMeta;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Pushes the corpus's multi-tenant schema: mapped enums and enum values, snake_case tables and
 * columns, {@code @db.Uuid}, a compound primary key and compound foreign keys onto it.
 */
@RefractTestDatabases
class SaasSchemaPushIT {

    private static final SchemaMeta SAAS = GeneratedSchemaMeta.of("codegen/src/test/resources/corpus/saas.prisma");

    @BeforeAll
    static void push(PostgresNamespace postgres) {
        StepVerifier.create(DbPush.push(SAAS, 0, ConnectionFactories.get(postgres.r2dbcUrl())))
                .assertNext(report -> assertThat(report.tables())
                        .containsExactly("tenants", "users", "memberships", "projects", "tasks", "invitations"))
                .verifyComplete();
    }

    @Test
    void createsMappedEnumTypesWithMappedValues(PostgresNamespace postgres) {
        assertThat(new Catalog(postgres).enums()).containsExactly(
                entry("member_role", List.of("owner", "admin", "member", "guest")),
                entry("plan", List.of("free", "team", "enterprise")));
    }

    @Test
    void createsMappedTablesAndColumns(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        assertThat(catalog.tables())
                .containsExactly("invitations", "memberships", "projects", "tasks", "tenants", "users");
        assertThat(catalog.columns("tenants")).containsExactlyEntriesOf(ordered(
                "id", "uuid NOT NULL",
                "name", "text NOT NULL",
                "subdomain", "text NOT NULL",
                "plan", "plan NOT NULL DEFAULT 'free'::plan",
                "created_at", "timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP"));
        assertThat(catalog.columns("memberships")).containsExactlyEntriesOf(ordered(
                "tenant_id", "uuid NOT NULL",
                "user_id", "uuid NOT NULL",
                "role", "member_role NOT NULL DEFAULT 'member'::member_role",
                "joined_at", "timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP"));
        assertThat(catalog.columns("tasks")).containsEntry("due_on", "date")
                .containsEntry("done", "boolean NOT NULL DEFAULT false");
        assertThat(catalog.columns("users")).containsEntry("last_login_at", "timestamp(3) without time zone");
    }

    @Test
    void createsCompoundKeysAndCompoundForeignKeys(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        assertThat(catalog.constraints("memberships")).containsExactly(
                entry("memberships_pkey", "PRIMARY KEY (tenant_id, user_id)"),
                entry("memberships_tenant_id_fkey", "FOREIGN KEY (tenant_id) REFERENCES tenants(id)"
                        + " ON UPDATE CASCADE ON DELETE CASCADE"),
                entry("memberships_user_id_fkey", "FOREIGN KEY (user_id) REFERENCES users(id)"
                        + " ON UPDATE CASCADE ON DELETE CASCADE"));
        assertThat(catalog.constraints("tasks")).containsExactly(
                entry("tasks_pkey", "PRIMARY KEY (id)"),
                entry("tasks_project_id_fkey", "FOREIGN KEY (project_id) REFERENCES projects(id)"
                        + " ON UPDATE CASCADE ON DELETE CASCADE"),
                entry("tasks_tenant_id_assignee_id_fkey", "FOREIGN KEY (tenant_id, assignee_id)"
                        + " REFERENCES memberships(tenant_id, user_id) ON UPDATE CASCADE ON DELETE RESTRICT"));
        assertThat(catalog.constraints("projects")).containsEntry("projects_tenant_id_owner_id_fkey",
                "FOREIGN KEY (tenant_id, owner_id) REFERENCES memberships(tenant_id, user_id)"
                        + " ON UPDATE CASCADE ON DELETE RESTRICT");
    }

    @Test
    void createsUniqueAndPlainIndexes(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        assertThat(catalog.indexes("invitations")).containsExactly(
                entry("invitations_pkey", "CREATE UNIQUE INDEX invitations_pkey ON invitations USING btree (id)"),
                entry("invitations_tenant_id_email_key", "CREATE UNIQUE INDEX invitations_tenant_id_email_key"
                        + " ON invitations USING btree (tenant_id, email)"),
                entry("invitations_token_key", "CREATE UNIQUE INDEX invitations_token_key"
                        + " ON invitations USING btree (token)"));
        assertThat(catalog.indexes("tasks")).containsEntry("tasks_tenant_id_assignee_id_done_idx",
                "CREATE INDEX tasks_tenant_id_assignee_id_done_idx ON tasks USING btree (tenant_id, assignee_id, done)");
        assertThat(catalog.indexes("memberships")).containsEntry("memberships_user_id_idx",
                "CREATE INDEX memberships_user_id_idx ON memberships USING btree (user_id)");
    }

    @Test
    void restrictKeepsAMembershipThatATaskIsAssignedTo(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO tenants (id, name, subdomain) VALUES"
                    + " ('00000000-0000-0000-0000-000000000001', 'Acme', 'acme')");
            statement.execute("INSERT INTO users (id, email, display_name) VALUES"
                    + " ('00000000-0000-0000-0000-000000000002', 'a@acme.test', 'Ada')");
            statement.execute("INSERT INTO memberships (tenant_id, user_id) VALUES"
                    + " ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002')");
            statement.execute("INSERT INTO projects (id, tenant_id, key, name, owner_id, updated_at) VALUES"
                    + " ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000001', 'P', 'P',"
                    + " '00000000-0000-0000-0000-000000000002', now())");
            assertThatThrownBy(() -> statement.execute("DELETE FROM memberships"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("projects_tenant_id_owner_id_fkey");
        }
    }

    @Test
    void pushingAgainIsRefusedAndChangesNothing(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        String before = catalog.snapshot();
        StepVerifier.create(DbPush.push(SAAS, 0, ConnectionFactories.get(postgres.r2dbcUrl())))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(DbPushRefusedException.class)
                        .satisfies(e -> assertThat(((DbPushRefusedException) e).existing()).contains(
                                "table tenants", "table invitations", "type member_role", "type plan")))
                .verify();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }
}
