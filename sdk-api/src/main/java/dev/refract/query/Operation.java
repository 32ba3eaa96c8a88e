package dev.refract.query;

import java.util.List;
import java.util.Objects;

/**
 * One model operation, as plain data an adapter pattern-matches on. {@link #model()} is the index
 * of the model in {@link dev.refract.meta.SchemaMeta#models()}.
 *
 * <p>Reads and writes that return records produce rows of the model (see {@link dev.refract.spi.Row});
 * {@code …Many} writes, {@link DeleteMany} and {@link Count} produce a count; {@link Aggregate} and
 * {@link GroupBy} produce rows laid out as {@link Aggregations} describes;
 * {@link CreateManyAndReturn} and {@link UpdateManyAndReturn} produce the rows they wrote.
 */
public sealed interface Operation {

    /** The index of the model this operation works on. */
    int model();

    /** The record matching a unique filter, or nothing. */
    record FindUnique(int model, Filter where, Selection selection) implements Operation {
        public FindUnique {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(selection, "selection");
        }
    }

    /** The first record of a query, or nothing. */
    record FindFirst(int model, Query query) implements Operation {
        public FindFirst {
            Objects.requireNonNull(query, "query");
        }
    }

    /** Every record of a query, streamed. */
    record FindMany(int model, Query query) implements Operation {
        public FindMany {
            Objects.requireNonNull(query, "query");
        }
    }

    /** Creates one record and returns it. */
    record Create(int model, WriteData data, Selection selection) implements Operation {
        public Create {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(selection, "selection");
        }
    }

    /** Creates many records and returns how many were created. */
    record CreateMany(int model, List<WriteData> data, boolean skipDuplicates) implements Operation {
        public CreateMany {
            data = List.copyOf(data);
        }
    }

    /**
     * Creates many records and returns them as stored; with {@code skipDuplicates}, records whose
     * unique keys already exist are skipped and not returned.
     */
    record CreateManyAndReturn(int model, List<WriteData> data, boolean skipDuplicates, Selection selection)
            implements Operation {
        public CreateManyAndReturn {
            data = List.copyOf(data);
            Objects.requireNonNull(selection, "selection");
        }
    }

    /** Updates the record matching a unique filter and returns it; fails when there is none. */
    record Update(int model, Filter where, WriteData data, Selection selection) implements Operation {
        public Update {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(selection, "selection");
        }
    }

    /** Updates every matching record and returns how many. */
    record UpdateMany(int model, Filter where, WriteData data) implements Operation {
        public UpdateMany {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(data, "data");
        }
    }

    /** Updates every matching record and returns them as stored after the update. */
    record UpdateManyAndReturn(int model, Filter where, WriteData data, Selection selection) implements Operation {
        public UpdateManyAndReturn {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(selection, "selection");
        }
    }

    /** Updates the record matching a unique filter, or creates it, and returns it. */
    record Upsert(int model, Filter where, WriteData create, WriteData update, Selection selection)
            implements Operation {
        public Upsert {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(create, "create");
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(selection, "selection");
        }
    }

    /** Deletes the record matching a unique filter and returns it; fails when there is none. */
    record Delete(int model, Filter where, Selection selection) implements Operation {
        public Delete {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(selection, "selection");
        }
    }

    /** Deletes every matching record and returns how many. */
    record DeleteMany(int model, Filter where) implements Operation {
        public DeleteMany {
            Objects.requireNonNull(where, "where");
        }
    }

    /** Counts the records of a query (its order and selection are ignored). */
    record Count(int model, Query query) implements Operation {
        public Count {
            Objects.requireNonNull(query, "query");
        }
    }

    /** Computes aggregations over the records of a query; one result row. */
    record Aggregate(int model, Query query, Aggregations aggregations) implements Operation {
        public Aggregate {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(aggregations, "aggregations");
        }
    }

    /**
     * Groups the matching records by {@code by} and computes aggregations per group; one row per
     * group, filtered by {@code having} (a filter over the result row's positions), sorted by
     * {@code orderBy} over group keys.
     */
    record GroupBy(int model, List<Integer> by, Filter where, Filter having, List<OrderBy> orderBy, int skip,
            Integer take, Aggregations aggregations) implements Operation {
        public GroupBy {
            by = List.copyOf(by);
            orderBy = List.copyOf(orderBy);
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(having, "having");
            Objects.requireNonNull(aggregations, "aggregations");
            if (by.isEmpty()) {
                throw new IllegalArgumentException("groupBy needs at least one field to group by");
            }
        }
    }
}
