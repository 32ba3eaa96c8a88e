package dev.refract.r2dbc.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.refract.meta.SchemaMeta;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Pushes the corpus's blog schema: enums, a one-to-one, two named relations between the same
 * models, a self-referencing comment thread and an implicit many-to-many.
 */
@RefractTestDatabases
class BlogSchemaPushIT {

    private static final SchemaMeta BLOG = com.example.blog.db.RefractClientMetadata.SCHEMA;

    @BeforeAll
    static void push(PostgresNamespace postgres) {
        StepVerifier.create(DbPush.push(BLOG, 0, ConnectionFactories.get(postgres.r2dbcUrl())))
                .assertNext(report -> assertThat(report.enumTypes()).containsExactly("Role", "PostStatus"))
                .verifyComplete();
    }

    @Test
    void createsEveryTableAndTheJoinTable(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        assertThat(catalog.tables()).containsExactly("Comment", "Post", "Profile", "Tag", "User", "_PostToTag");
        assertThat(catalog.enums()).containsExactly(
                entry("PostStatus", List.of("DRAFT", "IN_REVIEW", "PUBLISHED", "ARCHIVED")),
                entry("Role", List.of("READER", "AUTHOR", "EDITOR", "ADMIN")));
        assertThat(catalog.columns("_PostToTag")).containsExactlyEntriesOf(Catalog.ordered(
                "A", "integer NOT NULL", "B", "integer NOT NULL"));
    }

    @Test
    void namedRelationsToTheSameModelGetOneForeignKeyEach(PostgresNamespace postgres) {
        assertThat(new Catalog(postgres).constraints("Post")).containsExactly(
                entry("Post_authorId_fkey", "FOREIGN KEY (\"authorId\") REFERENCES \"User\"(id)"
                        + " ON UPDATE CASCADE ON DELETE RESTRICT"),
                entry("Post_editorId_fkey", "FOREIGN KEY (\"editorId\") REFERENCES \"User\"(id)"
                        + " ON UPDATE CASCADE ON DELETE SET NULL"),
                entry("Post_pkey", "PRIMARY KEY (id)"));
    }

    @Test
    void commentThreadAndOneToOneProfile(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        assertThat(catalog.constraints("Comment")).containsEntry("Comment_parentId_fkey",
                "FOREIGN KEY (\"parentId\") REFERENCES \"Comment\"(id) ON UPDATE CASCADE ON DELETE SET NULL");
        assertThat(catalog.indexes("Profile")).containsEntry("Profile_userId_key",
                "CREATE UNIQUE INDEX \"Profile_userId_key\" ON \"Profile\" USING btree (\"userId\")");
        assertThat(catalog.columns("Post")).containsEntry("status",
                "\"PostStatus\" NOT NULL DEFAULT 'DRAFT'::\"PostStatus\"");
    }
}
