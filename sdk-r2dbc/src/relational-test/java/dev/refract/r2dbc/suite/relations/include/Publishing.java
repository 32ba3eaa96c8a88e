package dev.refract.r2dbc.suite.relations.include;

import com.example.relations.db.RefractClientMetadata;
import dev.refract.client.ClientCore;
import dev.refract.client.ClientOptions;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.suite.CapturingProvider;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.r2dbc.suite.relations.PublishingHouses;
import dev.refract.spi.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The relations schema for the include tests: its tables, a small publishing house
 * to read, a client core whose adapter counts the statements it runs, and a way to print rows with
 * their relations so that a test compares whole results.
 */
final class Publishing {

    static final SchemaMeta SCHEMA = RefractClientMetadata.SCHEMA;
    static final int USER = RefractClientMetadata.USER.index();
    static final int PROFILE = RefractClientMetadata.PROFILE.index();
    static final int POST = RefractClientMetadata.POST.index();
    static final int TAG = RefractClientMetadata.TAG.index();
    static final int COMMENT = RefractClientMetadata.COMMENT.index();
    static final int SHELF = RefractClientMetadata.SHELF.index();
    static final int ITEM = RefractClientMetadata.ITEM.index();

    private Publishing() {
    }

    /** Creates the tables of the relations schema in {@code database}. */
    static void push(SuiteDatabase database) {
        database.push(SCHEMA);
    }

    /** Empties every table and stores Ada's house (see {@link PublishingHouses#fillAdasHouse}). */
    static void seed(SuiteDatabase database) {
        PublishingHouses.fillAdasHouse(database);
    }

    /** A client core of the relations schema on {@code database}, its adapter made by {@code provider}. */
    static ClientCore core(SuiteDatabase database, CapturingProvider provider, int poolSize) {
        return ClientCore.create(SCHEMA, ClientOptions.builder().datasource("db", database.r2dbcUrl())
                .poolSize("db", poolSize).adapterProvider(provider).build());
    }

    /**
     * {@code row} of {@code model} as text: its non-null fields but timestamps (which the database
     * sets), its loaded relations nested, its relation counts as {@code _count}. Fails when the row
     * is wider than its model's fields and counts, as a parent's key must not reach the caller.
     */
    static String describe(int model, Row row) {
        ModelMeta meta = SCHEMA.model(model);
        if (row.size() > meta.fieldCount() + 1) {
            throw new AssertionError("A row of " + meta.name() + " is " + row.size() + " wide: " + row);
        }
        StringJoiner parts = new StringJoiner(", ", meta.name() + "{", "}");
        for (int i = 0; i < meta.fieldCount(); i++) {
            FieldMeta field = meta.field(i);
            Object value = row.get(i);
            if (value == null || field.scalarType() == ScalarType.DATETIME) {
                continue;
            }
            if (field.isRelation()) {
                int target = meta.relation(i).targetModel();
                parts.add(field.name() + "=" + (value instanceof List<?> rows
                        ? rows.stream().map(related -> describe(target, (Row) related)).toList()
                        : ((Optional<?>) value).map(related -> describe(target, (Row) related)).orElse("none")));
            } else {
                parts.add(field.name() + "=" + value);
            }
        }
        Map<Integer, Long> counts = row.getCounts(meta.fieldCount());
        if (counts != null) {
            Map<String, Long> named = new TreeMap<>();
            counts.forEach((field, count) -> named.put(meta.field(field).name(), count));
            parts.add("_count=" + named);
        }
        return parts.toString();
    }

    /** Each of {@code rows} of {@code model} described. */
    static List<String> describe(int model, List<Row> rows) {
        List<String> described = new ArrayList<>(rows.size());
        for (Row row : rows) {
            described.add(describe(model, row));
        }
        return described;
    }
}
