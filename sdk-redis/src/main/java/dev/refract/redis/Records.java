package dev.refract.redis;

import dev.refract.error.InvalidQueryException;
import dev.refract.error.MissingRequiredFieldException;
import dev.refract.error.QueryFailedException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.meta.ModelMeta;
import dev.refract.query.Filter;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.redis.connect.RedisStore;
import dev.refract.redis.record.StoredModel;
import dev.refract.redis.record.StoredRecord;
import dev.refract.redis.read.QueryShape;
import dev.refract.redis.script.Scripts;
import dev.refract.redis.write.WritePlanner;
import dev.refract.spi.Row;
import dev.refract.spi.WriteOutcomes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The record-level work of the adapter on one model: direct look-ups, scans, and the atomic
 * create, update and delete scripts with their replies read. Operations of the query model are
 * assembled from these by {@link RedisAdapter}.
 */
final class Records {

    /** How many look-ups or writes of one scan run at once. */
    static final int CONCURRENCY = 16;
    /** How often an update whose compare-and-set lost is read and planned again. */
    private static final int CONFLICT_RETRIES = 1_000;

    private final StoredModel model;
    private final WritePlanner planner;
    private final RedisStore store;

    Records(StoredModel model, WritePlanner planner, RedisStore store) {
        this.model = model;
        this.planner = planner;
        this.store = store;
    }

    StoredModel model() {
        return model;
    }

    // ---- reads

    /** The record with id text {@code id}, or empty (also when it has just expired). */
    Mono<StoredRecord> byId(String id) {
        return store.hash(model.keys().recordKey(id)).filter(hash -> !hash.isEmpty()).map(hash -> model.read(id, hash));
    }

    /** The record a direct look-up names, or empty; an index key pointing at a record that is gone names none. */
    Mono<StoredRecord> byLookup(StoredModel.Lookup lookup) {
        if (lookup.text() == null) {
            return Mono.empty();
        }
        if (lookup.unique() == null) {
            return byId(lookup.text());
        }
        List<Integer> fields = lookup.unique().fields();
        return store.get(model.keys().indexKeyOfText(lookup.unique().name(), lookup.text()))
                .flatMap(this::byId)
                .filter(record -> lookup.text().equals(model.uniqueText(fields, record.values())));
    }

    /** Every record of the model, streamed from a {@code SCAN}; each read as the subscriber asks. */
    Flux<StoredRecord> scan() {
        return store.scanHashes(model.keys().scanPattern())
                .distinct()
                .flatMapSequential(key -> {
                    String id = model.keys().idTextOf(key);
                    return id == null ? Mono.<StoredRecord>empty() : byId(id);
                }, CONCURRENCY);
    }

    /** The records {@code where} may match: by direct look-ups when it names them, else by a scan. */
    Flux<StoredRecord> candidates(Filter where) {
        List<StoredModel.Lookup> lookups = directLookups(where);
        if (lookups == null) {
            return scan();
        }
        return Flux.fromIterable(lookups).flatMapSequential(this::byLookup, CONCURRENCY).distinct(StoredRecord::id);
    }

    /** The records matching {@code where}. */
    Flux<StoredRecord> matching(Filter where) {
        return candidates(where).filter(record -> model.filters().matches(where, record::get));
    }

    /** The one record {@code where} names (the first, if it names several), or empty. */
    Mono<StoredRecord> one(Filter where) {
        return matching(where).next();
    }

    /** The records of a read of many, shaped as {@link QueryShape} does. */
    Flux<StoredRecord> read(Query query) {
        Flux<StoredRecord> cursor = query.cursor() == null ? Flux.empty() : one(query.cursor()).flux();
        return QueryShape.apply(model, query, matching(query.where()), cursor);
    }

    /**
     * The look-ups a filter names: one for a unique where, one per value for an {@code in} over the
     * id or a one-field unique key (alone or in a conjunction), one per branch of a disjunction of
     * unique wheres; {@code null} when it names none and a scan is needed.
     */
    List<StoredModel.Lookup> directLookups(Filter where) {
        StoredModel.Lookup single = model.lookup(where);
        if (single != null) {
            return List.of(single);
        }
        if (where instanceof Filter.Comparison comparison) {
            return inLookups(comparison);
        }
        if (where instanceof Filter.And and) {
            for (Filter part : and.filters()) {
                if (part instanceof Filter.Comparison comparison) {
                    List<StoredModel.Lookup> lookups = inLookups(comparison);
                    if (lookups != null) {
                        return lookups;
                    }
                }
            }
            return null;
        }
        if (where instanceof Filter.Or or && !or.filters().isEmpty()) {
            List<StoredModel.Lookup> lookups = new ArrayList<>();
            for (Filter part : or.filters()) {
                List<StoredModel.Lookup> branch = directLookups(part);
                if (branch == null) {
                    return null;
                }
                lookups.addAll(branch);
            }
            return lookups;
        }
        return null;
    }

    private List<StoredModel.Lookup> inLookups(Filter.Comparison comparison) {
        if (comparison.operator() != Filter.Operator.IN || comparison.mode() != Filter.Mode.DEFAULT
                || !(comparison.value() instanceof List<?> values) || !model.stored(comparison.field())) {
            return null;
        }
        List<StoredModel.Lookup> lookups = new ArrayList<>(values.size());
        for (Object value : values) {
            if (value == null) {
                continue;
            }
            StoredModel.Lookup lookup = model.lookup(new Filter.Comparison(comparison.field(), Filter.Operator.EQUALS,
                    value, Filter.Mode.DEFAULT));
            if (lookup == null) {
                return null;
            }
            lookups.add(lookup);
        }
        return lookups;
    }

    // ---- writes

    /**
     * Creates a record from {@code data}; empty when {@code skipDuplicates} and its id or a unique key
     * is taken.
     */
    Mono<StoredRecord> create(WriteData data, boolean skipDuplicates) {
        return Mono.defer(() -> {
            Object[] values = planner.createValues(data);
            return Mono.just(values).flatMap(filled -> {
                String id = model.idText(filled);
                if (id == null) {
                    throw missingId(filled);
                }
                return store.run(Scripts.CREATE, model.keys().recordKey(id),
                                planner.createArguments(id, filled, planner.createExpiry(data, filled), skipDuplicates))
                        .flatMap(reply -> {
                            String status = (String) reply.get(0);
                            if (status.equals("OK")) {
                                return Mono.just(model.read(id, model.encodeRecord(filled)));
                            }
                            if (status.equals("SKIPPED")) {
                                return Mono.empty();
                            }
                            return Mono.error(unique((String) reply.get(1)));
                        });
            });
        });
    }

    /**
     * Updates {@code current}, found by {@code where}, by {@code data}. The script applies the update
     * only while the fields the where reads hold what was read; a record changed meanwhile (or a lost
     * compare-and-set) is read again, checked against the where again, and the update retried.
     * Signals {@link RecordNotFoundException} when the record is gone or no longer matches.
     */
    Mono<StoredRecord> update(StoredRecord current, Filter where, WriteData data, String verb) {
        Set<Integer> guarded = model.fieldsRead(where);
        return Mono.defer(() -> attemptUpdate(current, where, guarded, data, verb, 0));
    }

    private Mono<StoredRecord> attemptUpdate(StoredRecord current, Filter where, Set<Integer> guarded, WriteData data,
            String verb, int attempt) {
        if (!model.filters().matches(where, current::get)) {
            return Mono.error(notFound(verb));
        }
        WritePlanner.UpdatePlan plan = planner.update(current, data, guarded);
        return store.run(Scripts.UPDATE, model.keys().recordKey(current.id()), plan.arguments()).flatMap(reply -> {
            String status = (String) reply.get(0);
            switch (status) {
                case "OK" -> {
                    String id = plan.newId() == null ? current.id() : plan.newId();
                    return Mono.just(model.read(id, hash(reply.get(1))));
                }
                case "MISSING" -> {
                    return Mono.error(notFound(verb));
                }
                case "RANGE" -> {
                    String field = (String) reply.get(1);
                    return Mono.error(new QueryFailedException(model.name(), "22003", "The " + verb + " of "
                            + model.name() + " would take " + field + " out of the range of an Int (32 bits):"
                            + " make the field a BigInt, or keep the value in range", null));
                }
                case "CONFLICT" -> {
                    if (attempt >= CONFLICT_RETRIES) {
                        return Mono.error(new IllegalStateException("The " + verb + " of " + model.name() + " lost "
                                + CONFLICT_RETRIES + " races for the same record in a row"));
                    }
                    return byId(current.id()).switchIfEmpty(Mono.error(() -> notFound(verb)))
                            .flatMap(fresh -> attemptUpdate(fresh, where, guarded, data, verb, attempt + 1));
                }
                default -> {
                    return Mono.error(unique((String) reply.get(1)));
                }
            }
        });
    }

    /**
     * Deletes {@code current}, found by {@code where}, and its index keys, only while the fields the
     * where reads hold what was read; a record changed meanwhile is read and checked again. The
     * deleted record, or empty when it is gone or no longer matches.
     */
    Mono<StoredRecord> delete(StoredRecord current, Filter where) {
        Set<Integer> guarded = model.fieldsRead(where);
        return Mono.defer(() -> attemptDelete(current, where, guarded, 0));
    }

    private Mono<StoredRecord> attemptDelete(StoredRecord current, Filter where, Set<Integer> guarded, int attempt) {
        if (!model.filters().matches(where, current::get)) {
            return Mono.empty();
        }
        return store.run(Scripts.DELETE, model.keys().recordKey(current.id()),
                planner.deleteArguments(current, guarded)).flatMap(reply -> {
                    String status = (String) reply.get(0);
                    if (status.equals("OK")) {
                        return Mono.just(model.read(current.id(), hash(reply.get(1))));
                    }
                    if (status.equals("CONFLICT") && attempt < CONFLICT_RETRIES) {
                        return byId(current.id()).flatMap(fresh -> attemptDelete(fresh, where, guarded, attempt + 1));
                    }
                    return Mono.empty();
                });
    }

    // ---- rows and errors

    /** The row of {@code record} under {@code selection}. */
    Row row(StoredRecord record, Selection selection) {
        requireNoCounts(selection);
        return QueryShape.toRow(model, record, selection);
    }

    /** Refuses relation counts, which need relations Redis does not follow. */
    void requireNoCounts(Selection selection) {
        if (!selection.counts().isEmpty()) {
            throw new InvalidQueryException(model.name(), List.of(), "A Redis model cannot count related records"
                    + " (_count): Redis follows no relation. Count them with a count on the related model");
        }
    }

    RecordNotFoundException notFound(String verb) {
        return WriteOutcomes.notFound(model.meta(), verb);
    }

    private UniqueConstraintViolationException unique(String indexName) {
        ModelMeta meta = model.meta();
        List<Integer> fields = meta.id().fields();
        for (StoredModel.UniqueIndex index : model.uniques()) {
            if (index.name().equals(indexName)) {
                fields = index.fields();
            }
        }
        List<String> names = new ArrayList<>(fields.size());
        for (int field : fields) {
            names.add(meta.field(field).name());
        }
        return new UniqueConstraintViolationException(meta.name(), names, "Unique constraint failed on the fields ("
                + String.join(", ", names) + ") of " + meta.name() + ": another record already has the same value", null);
    }

    private MissingRequiredFieldException missingId(Object[] values) {
        for (int field : model.meta().id().fields()) {
            if (values[field] == null) {
                return new MissingRequiredFieldException(model.name(), model.meta().field(field).name());
            }
        }
        return new MissingRequiredFieldException(model.name(), model.meta().field(model.meta().id().fields().get(0))
                .name());
    }

    private static Map<String, String> hash(Object flat) {
        List<?> items = (List<?>) flat;
        Map<String, String> hash = new LinkedHashMap<>(items.size());
        for (int i = 0; i + 1 < items.size(); i += 2) {
            hash.put((String) items.get(i), (String) items.get(i + 1));
        }
        return hash;
    }
}
