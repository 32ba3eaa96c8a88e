package dev.refract.query;

import dev.refract.meta.RelationLink;
import java.util.List;
import java.util.Objects;

/**
 * One model operation, as plain data an adapter pattern-matches on. {@link #model()} is the index
 * of the model in {@link dev.refract.meta.SchemaMeta#models()}.
 *
 * <p>Reads and writes that return records produce rows of the model (see {@link dev.refract.spi.Row});
 * {@code …Many} writes, {@link DeleteMany} and {@link Count} produce a count; {@link Aggregate} and
 * {@link GroupBy} produce rows laid out as {@link Aggregations} describes;
 * {@link CreateManyAndReturn} and {@link UpdateManyAndReturn} produce the rows they wrote;
 * {@link FindRelated} produces rows of the related model tagged with their parent's key;
 * {@link Link} produces a count, {@link Unlink} a count and the ids of the records it unlinked.
 *
 * <p>A selection's {@link Selection#includes() includes} and a write's
 * {@link WriteData#relations() nested writes} are resolved by the client core, which sends adapters
 * operations without them: an adapter renders the fields and relation counts of a selection and
 * the scalar writes of a write.
 */
public sealed interface Operation {

    /** The index of the model this operation works on. */
    int model();

    /** An operation that only reads stored data. */
    sealed interface Read extends Operation {
    }

    /** An operation that changes stored data: creates, updates, upserts, deletes, links and unlinks. */
    sealed interface Write extends Operation {

        /**
         * True when a record this write creates or updates is given a time to live of its own
         * ({@link WriteData#ttl()}), which only a datasource whose records expire (Redis) can honour.
         */
        default boolean givesTimeToLive() {
            if (this instanceof Create create) {
                return create.data().ttl() != null;
            }
            if (this instanceof CreateMany many) {
                return many.data().stream().anyMatch(data -> data.ttl() != null);
            }
            if (this instanceof CreateManyAndReturn many) {
                return many.data().stream().anyMatch(data -> data.ttl() != null);
            }
            if (this instanceof Update update) {
                return update.data().ttl() != null;
            }
            if (this instanceof UpdateMany many) {
                return many.data().ttl() != null;
            }
            if (this instanceof UpdateManyAndReturn many) {
                return many.data().ttl() != null;
            }
            if (this instanceof Upsert upsert) {
                return upsert.create().ttl() != null || upsert.update().ttl() != null;
            }
            return false;
        }
    }

    /**
     * The record matching a unique filter, or nothing. {@code cache} says how the read uses its model's
     * {@code @@cache}; models without one ignore it.
     */
    record FindUnique(int model, Filter where, Selection selection, CachePolicy cache) implements Read {
        public FindUnique {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(selection, "selection");
            Objects.requireNonNull(cache, "cache");
        }

        /** A read using its model's cache as declared. */
        public FindUnique(int model, Filter where, Selection selection) {
            this(model, where, selection, CachePolicy.MODEL);
        }
    }

    /** The first record of a query, or nothing. */
    record FindFirst(int model, Query query) implements Read {
        public FindFirst {
            Objects.requireNonNull(query, "query");
        }
    }

    /** Every record of a query, streamed. */
    record FindMany(int model, Query query) implements Read {
        public FindMany {
            Objects.requireNonNull(query, "query");
        }
    }

    /** Creates one record and returns it. */
    record Create(int model, WriteData data, Selection selection) implements Write {
        public Create {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(selection, "selection");
        }
    }

    /** Creates many records and returns how many were created. */
    record CreateMany(int model, List<WriteData> data, boolean skipDuplicates) implements Write {
        public CreateMany {
            data = List.copyOf(data);
        }
    }

    /**
     * Creates many records and returns them as stored; with {@code skipDuplicates}, records whose
     * unique keys already exist are skipped and not returned.
     */
    record CreateManyAndReturn(int model, List<WriteData> data, boolean skipDuplicates, Selection selection)
            implements Write {
        public CreateManyAndReturn {
            data = List.copyOf(data);
            Objects.requireNonNull(selection, "selection");
        }
    }

    /** Updates the record matching a unique filter and returns it; fails when there is none. */
    record Update(int model, Filter where, WriteData data, Selection selection) implements Write {
        public Update {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(selection, "selection");
        }
    }

    /** Updates every matching record and returns how many. */
    record UpdateMany(int model, Filter where, WriteData data) implements Write {
        public UpdateMany {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(data, "data");
        }
    }

    /** Updates every matching record and returns them as stored after the update. */
    record UpdateManyAndReturn(int model, Filter where, WriteData data, Selection selection) implements Write {
        public UpdateManyAndReturn {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(selection, "selection");
        }
    }

    /** Updates the record matching a unique filter, or creates it, and returns it. */
    record Upsert(int model, Filter where, WriteData create, WriteData update, Selection selection)
            implements Write {
        public Upsert {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(create, "create");
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(selection, "selection");
        }
    }

    /** Deletes the record matching a unique filter and returns it; fails when there is none. */
    record Delete(int model, Filter where, Selection selection) implements Write {
        public Delete {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(selection, "selection");
        }
    }

    /** Deletes every matching record and returns how many. */
    record DeleteMany(int model, Filter where) implements Write {
        public DeleteMany {
            Objects.requireNonNull(where, "where");
        }
    }

    /** Counts the records of a query (its order and selection are ignored). */
    record Count(int model, Query query) implements Read {
        public Count {
            Objects.requireNonNull(query, "query");
        }
    }

    /**
     * The records of model {@code model} related through relation field {@code field} of model
     * {@code parentModel} to the parents whose link keys are {@code keys} (see
     * {@link dev.refract.meta.RelationLinks}): what loading an include of many parents reads in one
     * statement. {@code query}'s filter, order, skip and take apply to each parent's related records
     * on their own (take 3 is three per parent); its selection is the related records' selection.
     *
     * <p>Each row carries, after the model's fields and the relation-count position, at
     * {@code fieldCount + 1}, the link key of its parent (a single value, or a {@code List} for a
     * compound key), unless the key is among the fields it reads ({@link #keyAmongFields}): then the
     * adapter may leave that position out, and the key is the row's {@link RelationLink#targetKey()}
     * fields. A record related to two parents comes once per parent.
     *
     * @param keys the parents' link keys, without duplicates or {@code null}s
     */
    record FindRelated(int model, int parentModel, int field, List<Object> keys, Query query) implements Read {
        public FindRelated {
            keys = List.copyOf(keys);
            Objects.requireNonNull(query, "query");
        }

        /**
         * True when the rows read hold their parent's link key in fields of their own: {@code link},
         * this read's relation, has no join table, and the selection reads every field of its
         * {@link RelationLink#targetKey()}.
         */
        public boolean keyAmongFields(RelationLink link) {
            if (link.shape() == RelationLink.Shape.JOIN_TABLE) {
                return false;
            }
            Selection selection = query.selection();
            return selection.allFields() || selection.fields().containsAll(link.targetKey());
        }
    }

    /**
     * Relates the record of {@code model} whose link key is {@code key} to the records of the
     * target whose keys are {@code targetKeys}, through implicit many-to-many relation field
     * {@code field}: adds the join rows missing, keeps the ones present. Produces the number of
     * join rows added.
     */
    record Link(int model, int field, Object key, List<Object> targetKeys) implements Write {
        public Link {
            Objects.requireNonNull(key, "key");
            targetKeys = List.copyOf(targetKeys);
        }
    }

    /**
     * Unrelates the record of {@code model} whose link key is {@code key} from the records of the
     * target matching {@code targets} ({@link Filter#ALL} for every one), through implicit
     * many-to-many relation field {@code field}; the records themselves stay. Produces the number
     * of join rows removed and, as rows of the target model holding only its id, the targets it
     * unlinked: nested writes learn from them which records were related.
     */
    record Unlink(int model, int field, Object key, Filter targets) implements Write {
        public Unlink {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(targets, "targets");
        }
    }

    /** Computes aggregations over the records of a query; one result row. */
    record Aggregate(int model, Query query, Aggregations aggregations) implements Read {
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
            Integer take, Aggregations aggregations) implements Read {
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
