package dev.refract.r2dbc.sql;

import com.example.relations.db.RefractClientMetadata;
import dev.refract.meta.SchemaMeta;

/**
 * Model and field indexes of the relations test schema ({@code schemas/relations.prisma}), as its
 * generated metadata numbers them, for tests that build query-model values by hand.
 */
final class RelationsSchema {

    static final SchemaMeta SCHEMA = RefractClientMetadata.SCHEMA;
    static final SqlRenderer RENDERER = new SqlRenderer(SCHEMA, PostgresDialect.INSTANCE);

    static final int USER = 0;
    static final int PROFILE = 1;
    static final int POST = 2;
    static final int TAG = 3;
    static final int POST_CATEGORY = 5;
    static final int COMMENT = 6;
    static final int SHELF = 7;
    static final int ITEM = 8;

    static final int USER_ID = 0;
    static final int USER_EMAIL = 1;
    static final int USER_NAME = 2;
    static final int USER_PROFILE = 3;
    static final int USER_POSTS = 4;
    static final int USER_EDITED = 5;
    static final int USER_COMMENTS = 6;
    static final int USER_MANAGER = 7;
    static final int USER_MANAGER_ID = 8;
    static final int USER_REPORTS = 9;
    static final int USER_FOLLOWING = 10;
    static final int USER_FOLLOWED_BY = 11;

    static final int PROFILE_ID = 0;
    static final int PROFILE_BIO = 1;
    static final int PROFILE_USER = 2;

    static final int POST_ID = 0;
    static final int POST_TITLE = 1;
    static final int POST_PUBLISHED = 2;
    static final int POST_VIEWS = 3;
    static final int POST_AUTHOR = 4;
    static final int POST_AUTHOR_ID = 5;
    static final int POST_EDITOR = 6;
    static final int POST_EDITOR_ID = 7;
    static final int POST_COMMENTS = 8;
    static final int POST_TAGS = 9;
    static final int POST_CATEGORIES = 10;
    static final int POST_FIELDS = 12;

    static final int TAG_ID = 0;
    static final int TAG_NAME = 1;
    static final int TAG_POSTS = 2;

    static final int COMMENT_ID = 0;
    static final int COMMENT_BODY = 1;
    static final int COMMENT_LIKES = 2;
    static final int COMMENT_POST = 3;
    static final int COMMENT_POST_ID = 4;
    static final int COMMENT_AUTHOR = 5;
    static final int COMMENT_AUTHOR_ID = 6;
    static final int COMMENT_PARENT = 7;
    static final int COMMENT_REPLIES = 9;

    static final int SHELF_AISLE = 0;
    static final int SHELF_NUMBER = 1;
    static final int SHELF_LABEL = 2;
    static final int SHELF_ITEMS = 3;

    static final int ITEM_ID = 0;
    static final int ITEM_SKU = 1;
    static final int ITEM_SHELF = 2;

    private RelationsSchema() {
    }
}
