package dev.refract.r2dbc.suite.relations.sql;

import com.example.relations.db.RefractClientMetadata;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.r2dbc.R2dbcAdapter;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.r2dbc.suite.relations.PublishingHouses;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * The relations schema pushed into a test's database with Ann's house in it (see
 * {@link PublishingHouses#fillAnnsHouse}), an adapter that runs raw operations rendered by the
 * {@link dev.refract.r2dbc.sql.SqlRenderer} of the server's dialect, and the indexes of the models and fields the tests
 * name.
 */
final class Publishing {

    static final SchemaMeta SCHEMA = RefractClientMetadata.SCHEMA;

    static final int USER = 0;
    static final int PROFILE = 1;
    static final int POST = 2;
    static final int TAG = 3;
    static final int COMMENT = 6;
    static final int SHELF = 7;
    static final int ITEM = 8;

    static final int USER_ID = 0;
    static final int USER_EMAIL = 1;
    static final int USER_NAME = 2;
    static final int USER_PROFILE = 3;
    static final int USER_POSTS = 4;
    static final int USER_COMMENTS = 6;
    static final int USER_MANAGER = 7;
    static final int USER_FOLLOWING = 10;
    static final int USER_FOLLOWED_BY = 11;
    static final int USER_FIELDS = 13;

    static final int PROFILE_BIO = 1;

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

    static final int SHELF_AISLE = 0;
    static final int SHELF_NUMBER = 1;
    static final int SHELF_LABEL = 2;
    static final int SHELF_ITEMS = 3;

    static final int ITEM_ID = 0;
    static final int ITEM_SKU = 1;
    static final int ITEM_SHELF = 2;

    private Publishing() {
    }

    /** Creates the tables of the schema in {@code database} and fills them with Ann's house. */
    static void pushAndFill(SuiteDatabase database) {
        database.push(SCHEMA);
        PublishingHouses.fillAnnsHouse(database);
    }

    /** An adapter on {@code database} that renders raw operations with its database's own renderer. */
    static R2dbcAdapter adapter(SuiteDatabase database) {
        return new R2dbcAdapter(new AdapterConfig(SCHEMA, SCHEMA.datasource(0), database.r2dbcUrl(),
                PoolMeta.DEFAULTS));
    }

    static Filter eq(int field, Object value) {
        return new Filter.Comparison(field, Filter.Operator.EQUALS, value, Filter.Mode.DEFAULT);
    }

    static Filter compare(int field, Filter.Operator operator, Object value) {
        return new Filter.Comparison(field, operator, value, Filter.Mode.DEFAULT);
    }

    static Filter and(Filter... filters) {
        return new Filter.And(List.of(filters));
    }

    static Filter related(int field, Filter.Quantifier quantifier, Filter filter) {
        return new Filter.Related(field, quantifier, filter);
    }

    static OrderBy asc(int field) {
        return new OrderBy(field, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT);
    }

    static OrderBy desc(int field) {
        return new OrderBy(field, OrderBy.Direction.DESC, OrderBy.Nulls.DEFAULT);
    }

    static OrderBy sort(OrderBy.Key key, OrderBy.Direction direction, OrderBy.Nulls nulls) {
        return new OrderBy(key, direction, nulls);
    }

    /** The records matching {@code where}, sorted by {@code order}, reading field {@code field} and counting {@code counts}. */
    static Query query(Filter where, List<OrderBy> order, List<Integer> fields, List<Selection.RelationCount> counts) {
        return new Query(where, order, 0, null, null, List.of(), new Selection(fields, List.of(), counts));
    }

    /** The whole-number values at {@code position} of {@code rows}, in row order. */
    static List<Integer> ints(List<Row> rows, int position) {
        List<Integer> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            values.add(((Number) row.get(position)).intValue());
        }
        return values;
    }
}
