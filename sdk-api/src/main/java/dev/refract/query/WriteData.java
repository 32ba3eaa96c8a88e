package dev.refract.query;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The values of one create or update: per field, what to do with it, and per relation, the nested
 * writes on related records. Fields not mentioned keep their value (update) or get their default
 * (create).
 *
 * <p>{@code ttl} is a time to live of this write's own, for a model of a datasource whose records
 * expire (Redis): the record written lives that long from the write, whatever its model's
 * {@code @@ttl} says. The generated client offers it on Redis models only; the client refuses an
 * operation carrying one for a model of any other datasource.
 *
 * @param writes    the scalar fields' changes
 * @param relations the nested writes, per relation field, in the order they were given
 * @param ttl       how long the record written lives from the write, or {@code null} for what its model says
 */
public record WriteData(List<FieldWrite> writes, List<RelationWrite> relations, Duration ttl) {

    public WriteData {
        writes = List.copyOf(writes);
        relations = List.copyOf(relations);
        if (ttl != null && ttl.toMillis() < 1) {
            throw new IllegalArgumentException("A time to live must be at least one millisecond, not " + ttl);
        }
    }

    /** Values and nested writes, living as long as their model says. */
    public WriteData(List<FieldWrite> writes, List<RelationWrite> relations) {
        this(writes, relations, null);
    }

    /** Values without nested writes. */
    public WriteData(List<FieldWrite> writes) {
        this(writes, List.of());
    }

    /** These nested writes and time to live with the field changes {@code writes} instead. */
    public WriteData withWrites(List<FieldWrite> writes) {
        return new WriteData(writes, relations, ttl);
    }

    /** True when this write reaches records of other models. */
    public boolean hasNestedWrites() {
        return !relations.isEmpty();
    }

    /**
     * One field's change. {@code value} is in stored form and may be {@code null} only for
     * {@link WriteOp#SET} of an optional field.
     */
    public record FieldWrite(int field, WriteOp op, Object value) {
        public FieldWrite {
            Objects.requireNonNull(op, "op");
            if (value == null && op != WriteOp.SET) {
                throw new IllegalArgumentException(op + " needs a value");
            }
        }
    }

    /** What a write does with the field's current value. */
    public enum WriteOp {
        SET, INCREMENT, DECREMENT, MULTIPLY, DIVIDE
    }

    /**
     * The nested writes through one relation field, run in order.
     *
     * @param field  the index of the relation field in the model written
     * @param writes what to do with the related records
     */
    public record RelationWrite(int field, List<NestedWrite> writes) {
        public RelationWrite {
            writes = List.copyOf(writes);
        }
    }

    /**
     * One nested write on the records related through a relation field. Filters are filters of the
     * related model; "unique" ones name a record by its id or a unique key, as in {@code findUnique}.
     * On a to-one relation, the filters of {@link Disconnect}, {@link Delete}, {@link Update} and
     * {@link Upsert} are {@link Filter#ALL} (the related record) or a condition it must meet.
     */
    public sealed interface NestedWrite {

        /** Creates related records and relates them (a to-one relation takes exactly one). */
        record Create(List<WriteData> data) implements NestedWrite {
            public Create {
                data = List.copyOf(data);
            }
        }

        /** Creates related records in one statement (to-many, foreign key on the related side). */
        record CreateMany(List<WriteData> data, boolean skipDuplicates) implements NestedWrite {
            public CreateMany {
                data = List.copyOf(data);
            }
        }

        /** Relates existing records, each named by a unique filter; fails when one does not exist. */
        record Connect(List<Filter> where) implements NestedWrite {
            public Connect {
                where = List.copyOf(where);
            }
        }

        /** Relates the record the unique filter names, creating it from {@code create} when it does not exist. */
        record ConnectOrCreate(Filter where, WriteData create) implements NestedWrite {
            public ConnectOrCreate {
                Objects.requireNonNull(where, "where");
                Objects.requireNonNull(create, "create");
            }
        }

        /** Replaces every related record with the ones named (to-many); an empty list relates none. */
        record Set(List<Filter> where) implements NestedWrite {
            public Set {
                where = List.copyOf(where);
            }
        }

        /** Unrelates the records named, keeping them. */
        record Disconnect(List<Filter> where) implements NestedWrite {
            public Disconnect {
                where = List.copyOf(where);
            }
        }

        /** Updates the related record {@code where} names; fails when it is not related. */
        record Update(Filter where, WriteData data) implements NestedWrite {
            public Update {
                Objects.requireNonNull(where, "where");
                Objects.requireNonNull(data, "data");
            }
        }

        /** Updates every related record matching {@code where}. */
        record UpdateMany(Filter where, WriteData data) implements NestedWrite {
            public UpdateMany {
                Objects.requireNonNull(where, "where");
                Objects.requireNonNull(data, "data");
            }
        }

        /** Updates the related record {@code where} names, or creates and relates it. */
        record Upsert(Filter where, WriteData create, WriteData update) implements NestedWrite {
            public Upsert {
                Objects.requireNonNull(where, "where");
                Objects.requireNonNull(create, "create");
                Objects.requireNonNull(update, "update");
            }
        }

        /** Deletes the related records named; fails when one is not related. */
        record Delete(List<Filter> where) implements NestedWrite {
            public Delete {
                where = List.copyOf(where);
            }
        }

        /** Deletes every related record matching {@code where}. */
        record DeleteMany(Filter where) implements NestedWrite {
            public DeleteMany {
                Objects.requireNonNull(where, "where");
            }
        }
    }
}
