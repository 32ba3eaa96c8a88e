package dev.refract.r2dbc.suite;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.R2dbcDatabase;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.r2dbc.sql.Dialect;
import io.r2dbc.spi.ConnectionFactories;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The relational database a test class of the shared suite runs against: a namespace of its own
 * on the server under test, created for the class and dropped after it. The suite's tests know
 * nothing else of the server; each test module has its own {@code ServerUnderTest}, which says how
 * to reach its server and the few facts that differ between databases.
 *
 * <p>SQL a test writes to arrange or read back rows is standard SQL on every server: identifiers in
 * double quotes, {@code ||} joins text.
 */
public abstract class SuiteDatabase implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * A new namespace named after {@code label} on the server under test of the running module, for
     * a caller that manages its life itself (the {@link RelationalSuite} extension, the conformance kit).
     */
    public static SuiteDatabase open(String label) {
        return ServerUnderTest.create(label);
    }

    /** The provider a schema of the suite names for this server: {@code postgresql} or {@code mysql}. */
    public abstract Provider provider();

    /** The R2DBC URL of the namespace, for a client's datasource. */
    public abstract String r2dbcUrl();

    /** The SQL dialect the adapter renders for this server, for a renderer a test observes. */
    public abstract Dialect dialect();

    /**
     * Whether a sort without nulls first or last puts missing values last when ascending (and first
     * when descending), as PostgreSQL does; MySQL puts them first when ascending.
     */
    public abstract boolean sortsMissingValuesLastAscending();

    /** A JDBC connection into the namespace on which double-quoted names are identifiers and {@code ||} joins text. */
    protected abstract Connection connect() throws SQLException;

    /** The statements that empty {@code tables} and number their ids from 1 again. */
    protected abstract List<String> emptying(List<String> tables);

    /** The statement after which the next id {@code table} gives is {@code next}. */
    protected abstract String numberingIds(String table, long next);

    /** Drops the namespace with everything in it. */
    @Override
    public abstract void close();

    /** The database of the adapter for this server: its placeholders of raw SQL and its codecs. */
    public final R2dbcDatabase database() {
        return R2dbcDatabase.of(provider());
    }

    /** The placeholder of the {@code position}th argument (from 1) of raw SQL on this server. */
    public final String placeholder(int position) {
        return switch (database().placeholders()) {
            case NUMBERED -> "$" + position;
            case QUESTION_MARK -> "?";
        };
    }

    /** {@code identifier} quoted as this server's dialect quotes it, for raw SQL a client runs. */
    public final String quote(String identifier) {
        StringBuilder quoted = new StringBuilder();
        dialect().identifier(quoted, identifier);
        return quoted.toString();
    }

    /** Creates the tables of {@code schema}'s first datasource in the namespace. */
    public final void push(SchemaMeta schema) {
        DbPush.push(schema, 0, ConnectionFactories.get(r2dbcUrl())).block(WAIT);
    }

    /** Empties {@code tables} and numbers their ids from 1 again. */
    public final void empty(List<String> tables) {
        sql(emptying(tables).toArray(String[]::new));
    }

    /** Makes {@code next} the id the next record {@code table} numbers gets. */
    public final void numberIdsFrom(String table, long next) {
        sql(numberingIds(table, next));
    }

    /**
     * Runs {@code statements} in order on one connection, e.g. to arrange rows.
     *
     * @throws IllegalStateException naming the statements when one fails
     */
    public final void sql(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + provider().schemaName() + ": "
                    + String.join("; ", statements), e);
        }
    }

    /**
     * The rows {@code query} reads, each as its columns' text joined by {@code |}.
     *
     * @throws IllegalStateException naming the query when it fails
     */
    public final List<String> rows(String query) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            List<String> read = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringJoiner row = new StringJoiner("|");
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rows.getString(i)));
                }
                read.add(row.toString());
            }
            return read;
        } catch (SQLException e) {
            throw new IllegalStateException("reading failed on " + provider().schemaName() + ": " + query, e);
        }
    }

    /**
     * A derived table named {@code series} whose one column {@code g} counts from 1 to {@code count},
     * to arrange many rows in one statement: {@code INSERT INTO "Post" (…) SELECT g, … FROM } this.
     * Built of digits, as no function for it is common to every server.
     */
    public static String series(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a series counts from 1 to at least 1, not to " + count);
        }
        if (count == 1) {
            return "(SELECT 1 AS g) AS series";
        }
        String digits = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
                + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
        StringJoiner sum = new StringJoiner(" + ", "", " + 1");
        StringJoiner tables = new StringJoiner(" CROSS JOIN ");
        long place = 1;
        for (int i = 0; place < count; i++, place *= 10) {
            sum.add(place + " * d" + i + ".d");
            tables.add(digits + " AS d" + i);
        }
        return "(SELECT g FROM (SELECT " + sum + " AS g FROM " + tables + ") AS numbers WHERE g <= " + count
                + ") AS series";
    }

    /** The number of rows of each of {@code tables}, as {@code table=count}. */
    public final List<String> counts(List<String> tables) {
        List<String> counts = new ArrayList<>();
        for (String table : tables) {
            counts.add(table + "=" + rows("SELECT count(*) FROM \"" + table + "\"").get(0));
        }
        return counts;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + provider().schemaName() + " at " + r2dbcUrl() + "]";
    }
}
