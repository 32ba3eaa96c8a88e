package dev.refract.r2dbc.relations.nested;

import com.example.relations.db.RefractClientMetadata;
import dev.refract.client.ClientCore;
import dev.refract.client.ClientOptions;
import dev.refract.meta.ModelMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.test.isolation.PostgresNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The relations schema pushed into a test's PostgreSQL namespace, a client core on it that takes
 * raw operations, and JDBC to arrange and read back rows.
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

    /** Every table the nested-write tests touch. */
    static final List<String> TABLES = List.of("User", "Profile", "Post", "Tag", "Category", "PostCategory", "Comment",
            "Shelf", "Item", "_PostToTag", "_Follows");

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final PostgresNamespace postgres;
    private final ClientCore core;

    private RelationsDatabase(PostgresNamespace postgres, ClientCore core) {
        this.postgres = postgres;
        this.core = core;
    }

    /** Creates the schema's tables in {@code postgres} and a client core on them. */
    static RelationsDatabase open(PostgresNamespace postgres) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl())).block(WAIT);
        return new RelationsDatabase(postgres, ClientCore.create(RefractClientMetadata.SCHEMA,
                ClientOptions.builder().datasource("db", postgres.r2dbcUrl()).build()));
    }

    ClientCore core() {
        return core;
    }

    /** Empties every table and restarts the id sequences, so each test's records are numbered from 1. */
    void empty() {
        sql("TRUNCATE " + String.join(", ", TABLES.stream().map(t -> "\"" + t + "\"").toList())
                + " RESTART IDENTITY CASCADE");
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

    /** Runs SQL statements over JDBC, e.g. to arrange rows. */
    void sql(String... statements) {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + String.join("; ", statements), e);
        }
    }

    /** The rows {@code query} reads, each as its columns joined by {@code |}. */
    List<String> rows(String query) {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            List<String> read = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : "|").append(rows.getString(i));
                }
                read.add(row.toString());
            }
            return read;
        } catch (SQLException e) {
            throw new IllegalStateException("reading back failed: " + query, e);
        }
    }

    /** The number of rows of each of {@link #TABLES}, as {@code table=count}. */
    List<String> counts() {
        List<String> counts = new ArrayList<>();
        for (String table : TABLES) {
            counts.add(table + "=" + rows("SELECT count(*) FROM \"" + table + "\"").get(0));
        }
        return counts;
    }

    @Override
    public void close() {
        core.closeAsync().block(WAIT);
    }
}
