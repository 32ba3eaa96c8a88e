package dev.refract.r2dbc.suite.relations.client;

import com.example.relations.db.RefractClient;
import com.example.relations.db.RefractClientMetadata;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.r2dbc.suite.relations.PublishingHouses;
import dev.refract.relation.Relation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;

/**
 * The relations schema pushed into a test's database with a generated client on it, SQL to
 * arrange rows and count them, and a way to print generated records with their loaded relations
 * so that a test compares whole results.
 */
final class RelationsClientDatabase implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final SuiteDatabase database;
    private final RefractClient client;

    private RelationsClientDatabase(SuiteDatabase database, RefractClient client) {
        this.database = database;
        this.client = client;
    }

    /** Creates the schema's tables in {@code database} and a generated client on them. */
    static RelationsClientDatabase open(SuiteDatabase database) {
        database.push(RefractClientMetadata.SCHEMA);
        return new RelationsClientDatabase(database, RefractClient.builder().datasource("db", database.r2dbcUrl()).build());
    }

    RefractClient client() {
        return client;
    }

    /** Empties every table and numbers ids from 1 again, so that a test's records are numbered from 1. */
    void empty() {
        database.empty(PublishingHouses.TABLES);
    }

    /** Empties every table and stores Ada's house (see {@link PublishingHouses#fillAdasHouse}). */
    void seedHouse() {
        PublishingHouses.fillAdasHouse(database);
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
    List<String> tableCounts() {
        return database.counts(PublishingHouses.TABLES);
    }

    /**
     * A generated record as text: {@code Model{field=value, ...}} with its non-null fields but
     * timestamps (which the database sets), its loaded relations nested ({@code none} for a loaded
     * to-one relation without a record), relations not loaded left out, and its relation counts
     * last as {@code _count={relation=n, ...}} with the relations counted.
     */
    static String describe(Object record) {
        StringJoiner parts = new StringJoiner(", ", record.getClass().getSimpleName() + "{", "}");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = read(component, record);
            if (value == null || value instanceof Instant || value instanceof Relation.NotLoaded<?>) {
                continue;
            }
            if (value instanceof Relation.Loaded<?> loaded) {
                parts.add(component.getName() + "=" + describeRelated(loaded.value()));
            } else if (value.getClass().isRecord()) {
                parts.add("_count=" + counts(value));
            } else {
                parts.add(component.getName() + "=" + value);
            }
        }
        return parts.toString();
    }

    /** Each of {@code records} described. */
    static List<String> describe(List<?> records) {
        return records.stream().map(RelationsClientDatabase::describe).toList();
    }

    private static String describeRelated(Object related) {
        if (related == null) {
            return "none";
        }
        return related instanceof List<?> records ? describe(records).toString() : describe(related);
    }

    private static String counts(Object counts) {
        StringJoiner named = new StringJoiner(", ", "{", "}");
        for (RecordComponent component : counts.getClass().getRecordComponents()) {
            Object count = read(component, counts);
            if (count != null) {
                named.add(component.getName() + "=" + count);
            }
        }
        return named.toString();
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    @Override
    public void close() {
        client.closeAsync().block(WAIT);
    }
}
