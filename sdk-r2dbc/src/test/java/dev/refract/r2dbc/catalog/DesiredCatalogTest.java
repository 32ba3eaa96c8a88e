package dev.refract.r2dbc.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.meta.ReferentialAction;
import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.EnumType;
import dev.refract.r2dbc.catalog.Catalog.ForeignKey;
import dev.refract.r2dbc.catalog.Catalog.Index;
import dev.refract.r2dbc.catalog.Catalog.PrimaryKey;
import dev.refract.r2dbc.catalog.Catalog.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredCatalogTest {

    private static final Catalog BLOG = DesiredCatalog.of(com.example.blog.db.RefractClientMetadata.SCHEMA, 0);
    private static final Catalog RELATIONS_MYSQL =
            DesiredCatalog.of(com.example.relations.mysql.db.RefractClientMetadata.SCHEMA, 0);

    @Test
    void postgresEnumsAreTypesAndTheirColumnsUseThemByQuotedName() {
        assertThat(BLOG.enums()).contains(new EnumType("PostStatus", List.of("DRAFT", "IN_REVIEW", "PUBLISHED",
                "ARCHIVED")));
        Table post = BLOG.table("Post").orElseThrow();
        assertThat(post.column("status")).contains(new Column("status", "\"PostStatus\"", false, "'DRAFT'", false));
        assertThat(post.column("id")).contains(new Column("id", "integer", false, null, true));
        assertThat(post.primaryKey()).isEqualTo(new PrimaryKey("Post_pkey", List.of("id")));
        assertThat(post.foreignKeys()).contains(new ForeignKey("Post_authorId_fkey", List.of("authorId"), "User",
                List.of("id"), ReferentialAction.RESTRICT, ReferentialAction.CASCADE));
    }

    @Test
    void aPostgresJoinTableHasACompoundPrimaryKeyAndCascadingKeys() {
        Table join = BLOG.table("_PostToTag").orElseThrow();
        assertThat(join.primaryKey()).isEqualTo(new PrimaryKey("_PostToTag_AB_pkey", List.of("A", "B")));
        assertThat(join.indexes()).containsExactly(new Index("_PostToTag_B_index", List.of("B"), false));
        assertThat(join.foreignKeys()).extracting(ForeignKey::name, ForeignKey::onDelete)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("_PostToTag_A_fkey", ReferentialAction.CASCADE),
                        org.assertj.core.groups.Tuple.tuple("_PostToTag_B_fkey", ReferentialAction.CASCADE));
    }

    @Test
    void aMySqlJoinTableHasAUniqueIndexInsteadOfAPrimaryKeyAndEnumsLiveInColumns() {
        Table join = RELATIONS_MYSQL.table("_PostToTag").orElseThrow();
        assertThat(join.primaryKey()).isNull();
        assertThat(join.indexes()).containsExactly(new Index("_PostToTag_AB_unique", List.of("A", "B"), true),
                new Index("_PostToTag_B_index", List.of("B"), false));
        assertThat(RELATIONS_MYSQL.enums()).isEmpty();
        assertThat(RELATIONS_MYSQL.table("User").orElseThrow().primaryKey())
                .isEqualTo(new PrimaryKey("PRIMARY", List.of("id")));
        assertThat(RELATIONS_MYSQL.table("User").orElseThrow().column("createdAt").orElseThrow().defaultExpression())
                .isEqualTo("current_timestamp(3)");
    }

    @Test
    void aDatasourceThatIsNotRelationalHasNoCatalog() {
        assertThatThrownBy(() -> DesiredCatalog.of(com.example.pipeline.db.RefractClientMetadata.SCHEMA, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Datasource docs is mongodb")
                .hasMessageContaining("diff only postgresql and mysql datasources");
    }
}
