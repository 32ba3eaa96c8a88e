package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.Statements.eq;
import static dev.refract.r2dbc.sql.Statements.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.relations.db.RefractClientMetadata;
import dev.refract.error.InvalidQueryException;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Link and Unlink write the join tables of implicit many-to-many relations, every value bound. */
class JoinTableRenderingTest {

    private static final SqlRenderer RENDERER = new SqlRenderer(RefractClientMetadata.SCHEMA, PostgresDialect.INSTANCE);

    private static final int USER = RefractClientMetadata.USER.index();
    private static final int POST = RefractClientMetadata.POST.index();
    private static final int TAG = RefractClientMetadata.TAG.index();
    private static final int USER_EMAIL = 1;
    private static final int USER_FOLLOWING = 10;
    private static final int USER_FOLLOWED_BY = 11;
    private static final int POST_AUTHOR = 4;
    private static final int POST_TAGS = 9;
    private static final int TAG_NAME = 1;
    private static final int TAG_POSTS = 2;

    @Test
    void linkInsertsThePairsOfTheTargetsThatExistAndKeepsThosePresent() {
        SqlStatement statement = RENDERER.render(new Operation.Link(POST, POST_TAGS, 7, List.of(1, 2)));

        assertThat(statement.sql()).isEqualTo("INSERT INTO \"_PostToTag\" (\"A\", \"B\") SELECT $1, \"id\" FROM \"Tag\""
                + " WHERE \"id\" IN ($2, $3) ON CONFLICT DO NOTHING");
        assertThat(statement.parameters()).containsExactly(Bind.of(7), Bind.of(1), Bind.of(2));
        assertThat(statement.result()).isEqualTo(new ResultShape.AffectedCount());
    }

    @Test
    void linkFromTheSideSortingSecondPutsTheParentInColumnB() {
        SqlStatement statement = RENDERER.render(new Operation.Link(TAG, TAG_POSTS, 3, List.of(7)));

        assertThat(statement.sql()).isEqualTo("INSERT INTO \"_PostToTag\" (\"B\", \"A\") SELECT $1, \"id\" FROM \"Post\""
                + " WHERE \"id\" IN ($2) ON CONFLICT DO NOTHING");
    }

    @Test
    void linkOfNoTargetInsertsNothing() {
        assertThat(RENDERER.render(new Operation.Link(POST, POST_TAGS, 7, List.of())).sql())
                .isEqualTo("INSERT INTO \"_PostToTag\" (\"A\", \"B\") SELECT $1, \"id\" FROM \"Tag\" WHERE FALSE"
                        + " ON CONFLICT DO NOTHING");
    }

    @Test
    void selfRelationSidesUseTheColumnsOfTheirFieldNames() {
        assertThat(RENDERER.render(new Operation.Link(USER, USER_FOLLOWED_BY, 1, List.of(2))).sql())
                .startsWith("INSERT INTO \"_Follows\" (\"A\", \"B\")");
        assertThat(RENDERER.render(new Operation.Link(USER, USER_FOLLOWING, 1, List.of(2))).sql())
                .startsWith("INSERT INTO \"_Follows\" (\"B\", \"A\")");
    }

    @Test
    void unlinkRemovesThePairsOfTheMatchingTargetsAndReturnsTheirIds() {
        SqlStatement statement = RENDERER.render(new Operation.Unlink(POST, POST_TAGS, 7,
                or(eq(TAG_NAME, "java"), eq(TAG_NAME, "sql"))));

        assertThat(statement.sql()).isEqualTo("DELETE FROM \"_PostToTag\" WHERE \"A\" = $1 AND \"B\" IN"
                + " (SELECT \"id\" FROM \"Tag\" WHERE (\"name\" = $2 OR \"name\" = $3)) RETURNING \"B\"");
        assertThat(statement.parameters()).containsExactly(Bind.of(7), Bind.of("java"), Bind.of("sql"));
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(TAG, List.of(0)));
    }

    @Test
    void unlinkOfEveryTargetNeedsNoSubquery() {
        SqlStatement statement = RENDERER.render(new Operation.Unlink(USER, USER_FOLLOWING, 1, Filter.ALL));

        assertThat(statement.sql()).isEqualTo("DELETE FROM \"_Follows\" WHERE \"B\" = $1 RETURNING \"A\"");
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(USER, List.of(0)));
    }

    @Test
    void unlinkFiltersTheTargetsByTheirOwnFields() {
        assertThat(RENDERER.render(new Operation.Unlink(USER, USER_FOLLOWED_BY, 1, eq(USER_EMAIL, "a@x"))).sql())
                .isEqualTo("DELETE FROM \"_Follows\" WHERE \"A\" = $1 AND \"B\" IN (SELECT \"id\" FROM \"User\""
                        + " WHERE \"email\" = $2) RETURNING \"B\"");
    }

    @Test
    void aRelationWithAForeignKeyHasNoJoinTableToLink() {
        assertThatThrownBy(() -> RENDERER.render(new Operation.Link(POST, POST_AUTHOR, 7, List.of(1))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Post.author is not one");
    }
}
