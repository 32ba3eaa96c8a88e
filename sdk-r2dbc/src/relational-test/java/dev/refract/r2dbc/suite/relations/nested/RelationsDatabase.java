package dev.refract.r2dbc.suite.relations.nested;

import com.example.relations.db.RefractClientMetadata;
import dev.refract.client.ClientCore;
import dev.refract.client.ClientOptions;
import dev.refract.meta.ModelMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.r2dbc.suite.relations.PublishingHouses;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import java.time.Duration;
import java.util.List;

/**
 * The relations schema pushed into a test's database, a client core on it that takes raw
 * operations, and SQL to arrange and read back rows.
 */
final class RelationsDatabase implements AutoCloseable {

    static final ModelMeta USER = RefractClientMetadata.USER;
    static final ModelMeta PROFILE = RefractClientMetadata.PROFILE;
    static final ModelMeta POST = RefractClientMetadata.POST;
    static final ModelMeta TAG = RefractClientMetadata.TAG;
    static final ModelMeta CATEGORY = RefractClientMetadata.CATEGORY;
    static final ModelMeta POST_CATEGORY = RefractClientMetadata.POST_CATEGORY;
    static final ModelMeta COMMENT = RefractClientMetadata.COMMENT;
    static final ModelMeta SHELF = RefractClientMetadata.SHELF;
    static final ModelMeta ITEM = RefractClientMetadata.ITEM;

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final SuiteDatabase database;
    private final ClientCore core;

    private RelationsDatabase(SuiteDatabase database, ClientCore core) {
        this.database = database;
        this.core = core;
    }

    /** Creates the schema's tables in {@code database} and a client core on them. */
    static RelationsDatabase open(SuiteDatabase database) {
        database.push(RefractClientMetadata.SCHEMA);
        return new RelationsDatabase(database, ClientCore.create(RefractClientMetadata.SCHEMA,
                ClientOptions.builder().datasource("db", database.r2dbcUrl()).build()));
    }

    ClientCore core() {
        return core;
    }

    /** Empties every table and numbers ids from 1 again, so each test's records are numbered from 1. */
    void empty() {
        database.empty(PublishingHouses.TABLES);
    }

    /** Runs {@code operation} and waits for its result. */
    Result execute(Operation operation) {
        return core.execute(operation).block(WAIT);
    }

    Row create(ModelMeta model, Writes data) {
        return only(execute(new Operation.Create(model.index(), data.data(), Selection.ALL)));
    }

    Row update(ModelMeta model, Filter where, Writes data) {
        return only(execute(new Operation.Update(model.index(), where, data.data(), Selection.ALL)));
    }

    Row upsert(ModelMeta model, Filter where, Writes create, Writes update) {
        return only(execute(new Operation.Upsert(model.index(), where, create.data(), update.data(), Selection.ALL)));
    }

    private static Row only(Result result) {
        if (result.rows().size() != 1) {
            throw new AssertionError("expected one row, got " + result.rows());
        }
        return result.rows().get(0);
    }

    /** Runs SQL statements, e.g. to arrange rows. */
    void sql(String... statements) {
        database.sql(statements);
    }

    /** The rows {@code query} reads, each as its columns joined by {@code |}. */
    List<String> rows(String query) {
        return database.rows(query);
    }

    /** The number of rows of each table, as {@code table=count}. */
    List<String> counts() {
        return database.counts(PublishingHouses.TABLES);
    }

    @Override
    public void close() {
        core.closeAsync().block(WAIT);
    }
}
