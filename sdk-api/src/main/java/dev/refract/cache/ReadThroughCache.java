package dev.refract.cache;

import dev.refract.meta.CacheMeta;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.CachePolicy;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * The read-through cache of the models declaring {@code @@cache}: which reads it answers, which writes
 * invalidate what, and what happens when its store fails.
 *
 * <ul>
 *   <li><b>Reads.</b> A {@code findUnique} whose {@code where} is equalities covering the id or a unique
 *       key, without includes or relation counts, is answered from the store when it holds the record
 *       fresh; otherwise the record is loaded from the primary database and cached. Concurrent misses of
 *       one key load once. A record that went stale within the call's {@code swr} window is served while
 *       one load refreshes it in the background. Records not found are not cached.</li>
 *   <li><b>Keys and tags.</b> An entry's key is its look-up (the unique values and the fields read); it
 *       is filed under its record's tag (the model and the id), its model's tag and the call's tags.
 *       A write of one record invalidates its record's tag, so every look-up of it goes, whichever
 *       unique key it was cached under and whatever the write changed; writes of many records, nested
 *       writes and writes changing an id invalidate the model's tag, without reading records back.</li>
 *   <li><b>Referential actions.</b> A delete, or an update of fields other models reference, also
 *       invalidates the models whose foreign keys point at the model written, as the database may have
 *       cascaded to them.</li>
 *   <li><b>Failures.</b> A store that fails is counted and logged at warning level (once, until it
 *       answers again); the read goes to the primary database and the write stands.</li>
 *   <li><b>Counters.</b> Totals, and the same figures per cached model, in arrays indexed by model:
 *       counting allocates nothing.</li>
 * </ul>
 */
public final class ReadThroughCache {

    private static final Logger LOG = Loggers.getLogger(ReadThroughCache.class);

    private final SchemaMeta schema;
    private final CacheStores stores;
    private final Clock clock;
    /** True when some model declares {@code @@cache}: every other client pays nothing. */
    private final boolean enabled;
    /** Per model, the cached models whose foreign keys point at it. */
    private final List<List<Integer>> dependents;
    /** Per model, the cached models its nested writes may reach (itself included when cached). */
    private final List<Set<Integer>> reachable;
    /** Per model, bumped at each invalidation, so that a load racing a write does not cache what it read. */
    private final AtomicLongArray epochs;
    private final Map<CacheKey, Mono<Result>> loading = new ConcurrentHashMap<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Counters totals = new Counters();
    /** Per model, its own figures; {@code null} for a model that caches nothing. */
    private final Counters[] byModel;

    /**
     * The cache of {@code schema}'s models, whose stores {@code providers} create from the configuration
     * {@code configs} resolves for a cache datasource; {@code clock} tells freshness.
     */
    public ReadThroughCache(SchemaMeta schema, List<CacheStoreProvider> providers,
            Function<DatasourceMeta, AdapterConfig> configs, Clock clock) {
        this.schema = schema;
        this.stores = new CacheStores(schema, providers, configs);
        this.clock = clock;
        this.enabled = schema.models().stream().anyMatch(model -> model.cache() != null);
        this.epochs = new AtomicLongArray(schema.models().size());
        this.byModel = new Counters[schema.models().size()];
        for (ModelMeta model : schema.models()) {
            byModel[model.index()] = model.cache() == null ? null : new Counters();
        }
        List<List<Integer>> pointing = new ArrayList<>();
        for (int i = 0; i < schema.models().size(); i++) {
            pointing.add(new ArrayList<>());
        }
        for (ModelMeta model : schema.models()) {
            for (RelationMeta relation : model.relations()) {
                if (relation.holdsForeignKey() && model.cache() != null
                        && !pointing.get(relation.targetModel()).contains(model.index())) {
                    pointing.get(relation.targetModel()).add(model.index());
                }
            }
        }
        this.dependents = pointing.stream().map(List::copyOf).toList();
        List<Set<Integer>> reach = new ArrayList<>();
        for (ModelMeta model : schema.models()) {
            reach.add(Set.copyOf(cachedReachableFrom(model.index())));
        }
        this.reachable = reach;
    }

    /** True when some model of the schema is cached. */
    public boolean enabled() {
        return enabled;
    }

    /** The counters so far, all models together. */
    public CacheStatistics statistics() {
        return totals.statistics();
    }

    /**
     * The counters so far of the model at {@code model}: its reads, the invalidations that reached its
     * entries, and the failures of either; {@link CacheStatistics#NONE} for a model that caches nothing.
     */
    public CacheStatistics statistics(int model) {
        Counters counters = byModel[model];
        return counters == null ? CacheStatistics.NONE : counters.statistics();
    }

    // Reads

    /**
     * The result of {@code read}, from the cache when its model is cached and the read is a cacheable
     * look-up, else from {@code load}, the read on the primary database. Cold.
     */
    public Mono<Result> read(Operation.FindUnique read, Mono<Result> load) {
        ModelMeta model = schema.model(read.model());
        CacheMeta cache = model.cache();
        CachePolicy policy = read.cache();
        if (cache == null || policy.bypass()) {
            return load;
        }
        String lookup = lookup(model, read.where(), read.selection());
        if (lookup == null) {
            return load;
        }
        CacheKey key = new CacheKey(model.index(), lookup);
        return stores.store(cache.datasource())
                .flatMap(store -> store.get(key).map(Found::new).defaultIfEmpty(Found.NOTHING)
                        .doOnNext(found -> recovered())
                        .flatMap(found -> answer(store, model, key, policy, found, load)))
                .onErrorResume(error -> !(error instanceof LoadFailure), error -> {
                    failed("reading", model, error);
                    return load;
                })
                .onErrorMap(LoadFailure.class, Throwable::getCause);
    }

    private Mono<Result> answer(CacheStore store, ModelMeta model, CacheKey key, CachePolicy policy, Found found,
            Mono<Result> load) {
        if (found.record() != null) {
            if (found.record().freshAt(clock.millis())) {
                totals.hits.increment();
                byModel[model.index()].hits.increment();
                return Mono.just(Result.ofRows(List.of(found.record().row())));
            }
            totals.staleHits.increment();
            byModel[model.index()].staleHits.increment();
            loadOnce(store, model, key, policy, load).subscribe(null, error -> { });
            return Mono.just(Result.ofRows(List.of(found.record().row())));
        }
        totals.misses.increment();
        byModel[model.index()].misses.increment();
        return loadOnce(store, model, key, policy, load);
    }

    /** Loads {@code key}'s record from the primary database and caches it; concurrent calls share one load. */
    private Mono<Result> loadOnce(CacheStore store, ModelMeta model, CacheKey key, CachePolicy policy,
            Mono<Result> load) {
        return Mono.defer(() -> {
            Mono<Result> mine = Mono.defer(() -> {
                long epoch = epochs.get(model.index());
                return load.onErrorMap(LoadFailure::new)
                        .flatMap(result -> keep(store, model, key, policy, result, epoch).thenReturn(result));
            }).doFinally(signal -> loading.remove(key)).cache();
            Mono<Result> shared = loading.putIfAbsent(key, mine);
            return shared != null ? shared : mine;
        });
    }

    private Mono<Void> keep(CacheStore store, ModelMeta model, CacheKey key, CachePolicy policy, Result result,
            long epoch) {
        if (result.rows().isEmpty() || epochs.get(model.index()) != epoch) {
            return Mono.empty();
        }
        Row row = result.rows().get(0);
        Duration ttl = policy.ttl() != null ? policy.ttl() : Duration.ofSeconds(model.cache().ttlSeconds());
        Set<String> tags = new LinkedHashSet<>();
        tags.add(modelTag(model));
        String id = idText(model, row::get);
        if (id != null) {
            tags.add(recordTag(model, id));
        }
        for (String tag : policy.tags()) {
            tags.add(userTag(tag));
        }
        CachedRecord record = new CachedRecord(row, clock.millis() + ttl.toMillis());
        return store.put(key, record, ttl.plus(policy.swr()), tags)
                .doOnSuccess(done -> recovered())
                .onErrorResume(error -> {
                    failed("caching", model, error);
                    return Mono.empty();
                });
    }

    // Writes

    /**
     * What {@code write} invalidates once it has committed, given its {@code result}; {@code nested} when
     * it carries nested writes. {@link Invalidation#NONE} when nothing cached can have changed.
     */
    public Invalidation invalidation(Operation.Write write, Result result, boolean nested) {
        if (!enabled) {
            return Invalidation.NONE;
        }
        ModelMeta model = schema.model(write.model());
        Map<Integer, Set<String>> tags = new LinkedHashMap<>();
        if (nested) {
            for (int reached : reachable.get(model.index())) {
                add(tags, schema.model(reached), modelTag(schema.model(reached)));
            }
            return tags.isEmpty() ? Invalidation.NONE : new Invalidation(tags);
        }
        if (write instanceof Operation.Update update) {
            recordOrModel(tags, model, update.where(), update.data(), result);
            referencing(tags, model, update.data());
        } else if (write instanceof Operation.Upsert upsert) {
            recordOrModel(tags, model, upsert.where(), upsert.update(), result);
            referencing(tags, model, upsert.update());
        } else if (write instanceof Operation.Delete delete) {
            recordOrModel(tags, model, delete.where(), null, result);
            dependentsOf(tags, model);
        } else if (write instanceof Operation.UpdateMany many) {
            add(tags, model, modelTag(model));
            referencing(tags, model, many.data());
        } else if (write instanceof Operation.UpdateManyAndReturn many) {
            add(tags, model, modelTag(model));
            referencing(tags, model, many.data());
        } else if (write instanceof Operation.DeleteMany) {
            add(tags, model, modelTag(model));
            dependentsOf(tags, model);
        }
        // creates leave nothing stale (records not found are not cached); links change no cached field
        return tags.isEmpty() ? Invalidation.NONE : new Invalidation(tags);
    }

    /** Sends {@code invalidation} to the stores; completes when done, never with an error (failures are counted). */
    public Mono<Void> invalidate(Invalidation invalidation) {
        if (invalidation.tags().isEmpty()) {
            return Mono.empty();
        }
        List<Mono<Void>> sent = new ArrayList<>();
        Map<Integer, Set<String>> byStore = new LinkedHashMap<>();
        invalidation.tags().forEach((modelIndex, tags) -> {
            epochs.incrementAndGet(modelIndex);
            byStore.computeIfAbsent(schema.model(modelIndex).cache().datasource(), s -> new LinkedHashSet<>())
                    .addAll(tags);
        });
        byStore.forEach((datasource, tags) -> sent.add(send(datasource, tags, modelsOf(invalidation, datasource))));
        return Mono.when(sent);
    }

    /** The indexes of the models whose tags {@code invalidation} sends to the cache datasource {@code datasource}. */
    private int[] modelsOf(Invalidation invalidation, int datasource) {
        return invalidation.tags().keySet().stream().mapToInt(Integer::intValue)
                .filter(index -> schema.model(index).cache().datasource() == datasource).sorted().toArray();
    }

    /**
     * Removes every entry cached with one of {@code tags} (as a call's {@code cache(c -> c.tags(…))} gave
     * them), in every cache datasource of the schema. Completes when done, never with an error.
     */
    public Mono<Void> invalidateTags(Collection<String> tags) {
        Set<String> named = new LinkedHashSet<>();
        for (String tag : tags) {
            named.add(userTag(tag));
        }
        Set<Integer> datasources = new LinkedHashSet<>();
        for (ModelMeta model : schema.models()) {
            if (model.cache() != null) {
                datasources.add(model.cache().datasource());
                epochs.incrementAndGet(model.index());
            }
        }
        List<Mono<Void>> sent = new ArrayList<>();
        for (int datasource : datasources) {
            // an application's tag may hold entries of any model: it is counted in the totals alone
            sent.add(send(datasource, named, new int[0]));
        }
        return Mono.when(sent);
    }

    /** Sends {@code tags} to the store of {@code datasource}, counting it for the totals and for {@code models}. */
    private Mono<Void> send(int datasource, Set<String> tags, int[] models) {
        return stores.store(datasource)
                .flatMap(store -> store.invalidateTags(tags))
                .doOnSuccess(done -> {
                    totals.invalidations.increment();
                    for (int model : models) {
                        byModel[model].invalidations.increment();
                    }
                    recovered();
                })
                .onErrorResume(error -> {
                    for (int model : models) {
                        byModel[model].errors.increment();
                    }
                    failed("invalidating tags " + tags + " in", null, error);
                    return Mono.empty();
                });
    }

    /** Closes the stores; completes when they are released. */
    public Mono<Void> close() {
        return stores.close();
    }

    private void recordOrModel(Map<Integer, Set<String>> tags, ModelMeta model, Filter where, WriteData data,
            Result result) {
        if (model.cache() == null) {
            return;
        }
        boolean idWritten = data != null && data.writes().stream()
                .anyMatch(write -> model.id().fields().contains(write.field()));
        String before = idText(model, equalities(where)::get);
        String after = result.rows().isEmpty() ? null : idText(model, result.rows().get(0)::get);
        if (idWritten || (before == null && after == null)) {
            add(tags, model, modelTag(model));
            return;
        }
        if (before != null) {
            add(tags, model, recordTag(model, before));
        }
        if (after != null) {
            add(tags, model, recordTag(model, after));
        }
    }

    /** The dependents of {@code model} when {@code data} writes a field another model's foreign key references. */
    private void referencing(Map<Integer, Set<String>> tags, ModelMeta model, WriteData data) {
        Set<Integer> written = new HashSet<>();
        for (WriteData.FieldWrite write : data.writes()) {
            written.add(write.field());
        }
        for (int dependent : dependents.get(model.index())) {
            ModelMeta other = schema.model(dependent);
            for (RelationMeta relation : other.relations()) {
                if (relation.targetModel() == model.index() && relation.holdsForeignKey()) {
                    for (int referenced : relation.references()) {
                        if (written.contains(referenced)) {
                            add(tags, other, modelTag(other));
                        }
                    }
                }
            }
        }
    }

    private void dependentsOf(Map<Integer, Set<String>> tags, ModelMeta model) {
        for (int dependent : dependents.get(model.index())) {
            add(tags, schema.model(dependent), modelTag(schema.model(dependent)));
        }
    }

    /** Files {@code tag} for invalidation in {@code model}'s cache; a model that caches nothing has none to invalidate. */
    private static void add(Map<Integer, Set<String>> tags, ModelMeta model, String tag) {
        if (model.cache() != null) {
            tags.computeIfAbsent(model.index(), m -> new LinkedHashSet<>()).add(tag);
        }
    }

    private Set<Integer> cachedReachableFrom(int start) {
        Set<Integer> seen = new LinkedHashSet<>();
        List<Integer> queue = new ArrayList<>(List.of(start));
        while (!queue.isEmpty()) {
            int next = queue.remove(queue.size() - 1);
            if (seen.add(next)) {
                for (RelationMeta relation : schema.model(next).relations()) {
                    queue.add(relation.targetModel());
                }
            }
        }
        seen.removeIf(index -> schema.model(index).cache() == null);
        return seen;
    }

    // Failures

    /** Counts a failure in the totals and, when {@code model} is given, in its own figures; logs it. */
    private void failed(String doing, ModelMeta model, Throwable error) {
        totals.errors.increment();
        if (model != null && byModel[model.index()] != null) {
            byModel[model.index()].errors.increment();
        }
        String what = model == null ? "" : " for model " + model.name();
        if (failing.compareAndSet(false, true)) {
            LOG.warn("The cache failed {}{}; reads go to the primary database until it answers again: {}", doing,
                    what, dev.refract.error.UrlRedaction.redact(String.valueOf(error.getMessage())));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("The cache failed {}{} again: {}", doing, what,
                    dev.refract.error.UrlRedaction.redact(String.valueOf(error.getMessage())));
        }
    }

    private void recovered() {
        if (failing.compareAndSet(true, false)) {
            LOG.info("The cache answers again");
        }
    }

    // Keys and tags

    /**
     * The look-up text of a read by {@code where} selecting {@code selection}, or {@code null} when the
     * read is not cacheable: its filter is not equalities covering the id or a unique key, or it
     * includes relations or counts them.
     */
    static String lookup(ModelMeta model, Filter where, Selection selection) {
        if (!selection.includes().isEmpty() || !selection.counts().isEmpty()) {
            return null;
        }
        Map<Integer, Object> values = equalities(where);
        if (values == null || values.isEmpty() || !coversUniqueKey(model, values.keySet())) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<Integer, Object> value : values.entrySet()) {
            String written = valueText(value.getValue());
            text.append(value.getKey()).append('=').append(written.length()).append(':').append(written).append(';');
        }
        text.append("select=");
        if (selection.allFields()) {
            text.append('*');
        } else {
            selection.fields().stream().sorted().forEach(field -> text.append(field).append(','));
        }
        return text.toString();
    }

    private static boolean coversUniqueKey(ModelMeta model, Set<Integer> fields) {
        if (fields.containsAll(model.id().fields())) {
            return true;
        }
        return model.uniques().stream().anyMatch(unique -> fields.containsAll(unique.fields()));
    }

    /**
     * The equalities {@code where} consists of, by field in field order; {@code null} when it holds
     * anything else, so that what the cache answers is exactly what the database would.
     */
    private static Map<Integer, Object> equalities(Filter where) {
        Map<Integer, Object> values = new TreeMap<>();
        return collect(where, values) ? values : null;
    }

    private static boolean collect(Filter filter, Map<Integer, Object> values) {
        if (filter instanceof Filter.And and) {
            for (Filter part : and.filters()) {
                if (!collect(part, values)) {
                    return false;
                }
            }
            return true;
        }
        if (filter instanceof Filter.Comparison comparison && comparison.operator() == Filter.Operator.EQUALS
                && comparison.mode() == Filter.Mode.DEFAULT && !(comparison.value() instanceof List)) {
            Object earlier = values.putIfAbsent(comparison.field(), comparison.value());
            return earlier == null || earlier.equals(comparison.value());
        }
        return false;
    }

    /** The id of a record as text, from its values by field; {@code null} when part of it is missing. */
    private static String idText(ModelMeta model, Function<Integer, Object> values) {
        if (values == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int field : model.id().fields()) {
            Object value = values.apply(field);
            if (value == null) {
                return null;
            }
            String written = valueText(value);
            text.append(written.length()).append(':').append(written);
        }
        return text.toString();
    }

    private static String idText(ModelMeta model, Map<Integer, Object> values) {
        return values == null ? null : idText(model, (Function<Integer, Object>) values::get);
    }

    private static String valueText(Object value) {
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
        return String.valueOf(value);
    }

    private static String modelTag(ModelMeta model) {
        return "model:" + model.name();
    }

    private static String recordTag(ModelMeta model, String id) {
        return "record:" + model.name() + ":" + id;
    }

    private static String userTag(String tag) {
        return "tag:" + tag;
    }

    /** The figures of {@link CacheStatistics}, each a {@link LongAdder}: cheap to count from many threads at once. */
    private static final class Counters {
        final LongAdder hits = new LongAdder();
        final LongAdder staleHits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder invalidations = new LongAdder();
        final LongAdder errors = new LongAdder();

        CacheStatistics statistics() {
            return new CacheStatistics(hits.sum(), staleHits.sum(), misses.sum(), invalidations.sum(), errors.sum());
        }
    }

    /** What the store answered: a record, or {@link #NOTHING}. */
    private record Found(CachedRecord record) {
        static final Found NOTHING = new Found(null);
    }

    /** An error of the primary database's load, which must reach the caller as it is. */
    private static final class LoadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoadFailure(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * The tags a write invalidates once it has committed, by the index of the model they belong to.
     *
     * @param tags the tags, by model index
     */
    public record Invalidation(Map<Integer, Set<String>> tags) {

        /** Nothing to invalidate. */
        public static final Invalidation NONE = new Invalidation(Map.of());

        public Invalidation {
            tags = Map.copyOf(tags);
        }
    }
}
