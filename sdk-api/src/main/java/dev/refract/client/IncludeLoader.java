package dev.refract.client;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.RelationLink;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.Selection.Include;
import dev.refract.spi.Adapter;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads the relations a selection {@linkplain Selection#includes() includes}, batched: one
 * {@link Operation.FindRelated} per included relation over all the rows of its level together, so a
 * read issues one statement for its own rows plus one per include at any depth, whatever the number
 * of rows.
 *
 * <ul>
 *   <li>The statement of the rows reads their selection without its includes; when that selection
 *       names its fields, the fields of each included relation's link key
 *       ({@link RelationLink#parentKey()}) are read too and are {@code null} again in the rows handed
 *       back, as the caller did not ask for them.</li>
 *   <li>For each include, the distinct non-null link keys of the rows go into one
 *       {@code FindRelated} on the relation's target; its rows, each tagged with the key of its parent,
 *       are grouped by that key and put at the relation field's position of every row with that key:
 *       a {@code List<Row>} for a to-many relation (empty when nothing is related), an
 *       {@code Optional<Row>} for a to-one relation. A row without a link key (an unset optional
 *       foreign key) gets an empty one. The related rows' own includes are loaded the same way over
 *       all of them at once.</li>
 *   <li>A to-one include ignores its query's filter, order and paging; a to-many include's filter,
 *       order, skip and take apply to each parent's related records on their own. A to-many include
 *       without an order of its own whose target's id is made of selected {@code Int} and
 *       {@code BigInt} fields has each parent's records ordered by that id here, so that the
 *       statement need not sort them (an adapter may leave them unordered then).</li>
 *   <li>Related records of the same datasource are read on the connection the rows were read on
 *       ({@link Executor#onOneConnection}), so a call takes one connection from the pool, and inside a
 *       transaction they are read in it; those of a relation crossing datasources are read on the
 *       target datasource's adapter (and their own includes there).</li>
 *   <li>A related row carries its parent's key at {@code fieldCount + 1} only where the adapter put
 *       it there (see {@link Row}); otherwise the key is read from the row's own fields, and the row
 *       is handed on as the adapter made it, without a copy, unless it has includes or hidden fields
 *       of its own.</li>
 *   <li>Rows are immutable: a row with relations loaded is a new row. Operations without includes
 *       never come here.</li>
 *   <li>A {@code delete} with includes reads the record with its relations first and then deletes it,
 *       in one transaction when the adapter has them, so that it returns the record as it was, with
 *       the related records a cascade is about to remove.</li>
 *   <li>A streamed {@code findMany} gathers its rows in chunks of {@link #STREAM_CHUNK} and loads the
 *       relations of one chunk at a time, emitting the rows in order as the subscriber asks. When all
 *       its rows fit in the first chunk, the rows have been read before their relations are, and the
 *       relations are read on the same connection, which goes back to the pool before the rows go on.
 *       A longer stream keeps its connection while its rows stream and reads each chunk's relations
 *       on another connection of the pool, as the statement of the rows cannot share its connection
 *       while it is open; its connection goes back as soon as its rows are read.</li>
 * </ul>
 */
final class IncludeLoader {

    /** How many rows a streamed {@code findMany} gathers before it loads their relations together. */
    static final int STREAM_CHUNK = 1_000;

    private static final int[] NO_FIELDS = new int[0];

    private final SchemaMeta schema;
    private final Router router;
    private final int streamChunk;

    IncludeLoader(SchemaMeta schema, Router router) {
        this(schema, router, STREAM_CHUNK);
    }

    /** A loader whose streams gather {@code streamChunk} rows at a time. */
    IncludeLoader(SchemaMeta schema, Router router, int streamChunk) {
        if (streamChunk < 1) {
            throw new IllegalArgumentException("the stream chunk must hold at least one row, was " + streamChunk);
        }
        this.schema = schema;
        this.router = router;
        this.streamChunk = streamChunk;
    }

    /** True when {@code operation} returns records and its selection includes relations. */
    static boolean hasIncludes(Operation operation) {
        Selection selection = selectionOf(operation);
        return selection != null && !selection.includes().isEmpty();
    }

    /**
     * Runs {@code operation}, whose selection includes relations, on {@code adapter} and loads them;
     * a {@code delete} runs in a transaction when the adapter has them.
     */
    Mono<Result> execute(Adapter adapter, Operation operation) {
        if (operation instanceof Operation.Delete && adapter.capabilities().transactions()) {
            return adapter.inTransaction(transaction -> execute(transaction, operation)).single();
        }
        return execute((Executor) adapter, operation);
    }

    /**
     * Runs {@code operation} on {@code executor} (an adapter, or a transaction) and loads the relations
     * its selection includes, reading those of its datasource on the same executor.
     */
    Mono<Result> execute(Executor executor, Operation operation) {
        return Mono.defer(() -> {
            int model = operation.model();
            Selection selection = selectionOf(operation);
            if (selection == null) {
                return executor.execute(operation);
            }
            if (operation instanceof Operation.Delete delete) {
                // Read first: a cascade may take the related records with the record.
                Selection id = new Selection(schema.model(model).id().fields(), List.of());
                return execute(executor, new Operation.FindUnique(model, delete.where(), selection))
                        .flatMap(found -> executor.execute(new Operation.Delete(model, delete.where(), id))
                                .thenReturn(found));
            }
            Operation statement = withSelection(operation, statementSelection(model, selection));
            return executor.onOneConnection(one -> one.execute(statement)
                            .flatMap(result -> load(one, result.rows(), model, selection)
                                    .map(rows -> new Result(rows, result.count()))))
                    .single();
        });
    }

    /**
     * Streams the rows of {@code operation} (a {@code findMany}) with the relations its selection
     * includes: rows are gathered {@link #STREAM_CHUNK} at a time, each chunk's relations loaded on
     * {@code executor} (or the target's adapter) before its rows go on, in order; rows that all fit in
     * the first chunk have their relations read on the connection they were read on. A chunk is cut
     * when the row after it arrives, or when the rows end, so that the loader knows whether more
     * follow. Backpressure holds: at most three chunks and one row are in hand (one chunk being
     * emitted, one being loaded, one gathered). Cancelling cancels the loads under way and gives the
     * connections back. Operations other than {@code findMany} are collected and then emitted.
     */
    Flux<Row> stream(Executor executor, Operation operation) {
        if (!(operation instanceof Operation.FindMany findMany)) {
            return execute(executor, operation).flatMapIterable(Result::rows);
        }
        return Flux.defer(() -> {
            int model = findMany.model();
            Selection selection = findMany.query().selection();
            Operation statement = withSelection(findMany, statementSelection(model, selection));
            Chunks chunks = new Chunks(streamChunk);
            return executor.onOneConnection(one -> one.stream(statement)
                            .doOnComplete(chunks::rowsEnded)
                            .bufferUntil(chunks::startsNext, true)
                            .concatMap(rows -> chunks.holdsEveryRow()
                                    ? load(one, rows, model, selection).map(Chunk::ofLoaded)
                                    : Mono.just(Chunk.ofGathered(rows)), 0))
                    .concatMap(chunk -> chunk.loaded() ? Mono.just(chunk.rows())
                            : load(executor, chunk.rows(), model, selection), 1)
                    .concatMapIterable(rows -> rows, 1);
        });
    }

    /**
     * The selection the statement reading rows of {@code model} for {@code selection} uses: without
     * includes, and with the link-key fields of the included relations when it names its fields.
     *
     * @throws InvalidQueryException when an include names a field that is not a relation
     */
    Selection statementSelection(int model, Selection selection) {
        Selection statement = selection.withoutIncludes();
        if (selection.includes().isEmpty()) {
            return statement;
        }
        List<Integer> fields = null;
        for (Include include : selection.includes()) {
            RelationLink link = link(model, include.field());
            if (selection.allFields()) {
                continue;
            }
            for (int key : link.parentKey()) {
                if (!selection.fields().contains(key)) {
                    if (fields == null) {
                        fields = new ArrayList<>(selection.fields());
                    }
                    if (!fields.contains(key)) {
                        fields.add(key);
                    }
                }
            }
        }
        return fields == null ? statement : new Selection(fields, List.of(), selection.counts());
    }

    /**
     * {@code rows} of {@code model}, read with {@link #statementSelection}{@code (model, selection)},
     * with the relations {@code selection} includes loaded and the fields it did not select nulled.
     */
    Mono<List<Row>> load(Executor executor, List<Row> rows, int model, Selection selection) {
        return Mono.defer(() -> load(executor, rows, model, selection.includes(), hiddenFields(model, selection), -1));
    }

    /** {@code rows} of {@code model} with the relations {@code includes} loaded; every field kept. */
    Mono<List<Row>> load(Executor executor, List<Row> rows, int model, List<Include> includes) {
        return Mono.defer(() -> load(executor, rows, model, includes, NO_FIELDS, -1));
    }

    /**
     * @param hidden fields to null in the rows handed back
     * @param width  how many positions the rows handed back keep, or {@code -1} for all
     */
    private Mono<List<Row>> load(Executor executor, List<Row> rows, int model, List<Include> includes, int[] hidden,
            int width) {
        if (rows.isEmpty() || includes.isEmpty() && hidden.length == 0 && width < 0) {
            return Mono.just(rows);
        }
        return Flux.fromIterable(includes)
                .concatMap(include -> related(executor, rows, model, include))
                .collectList()
                .map(loaded -> assemble(rows, loaded, hidden, width));
    }

    /** The related records of one include for every row: one statement, none when no row has a key. */
    private Mono<Loaded> related(Executor executor, List<Row> parents, int model, Include include) {
        RelationLink link = link(model, include.field());
        boolean toMany = link.toMany();
        Object[] parentKeys = new Object[parents.size()];
        Map<Object, Object> keys = new LinkedHashMap<>();
        for (int i = 0; i < parentKeys.length; i++) {
            Object key = link.parentKeyOf(parents.get(i)::get);
            if (key != null) {
                Object lookup = lookupKey(key);
                parentKeys[i] = lookup;
                keys.putIfAbsent(lookup, key);
            }
        }
        if (keys.isEmpty()) {
            return Mono.just(new Loaded(include.field(),
                    distribute(parentKeys, Map.of(), List.of(), List.of(), toMany, NO_FIELDS)));
        }
        ModelMeta target = link.target();
        Query query = include.query();
        Selection selection = query.selection();
        Selection statement = statementSelection(target.index(), selection);
        Query read = toMany
                ? new Query(query.where(), query.orderBy(), query.skip(), query.take(), query.cursor(), query.distinct(),
                        statement)
                : new Query(Filter.ALL, List.of(), 0, null, null, List.of(), statement);
        Operation.FindRelated find = new Operation.FindRelated(target.index(), model, include.field(),
                List.copyOf(keys.values()), read);
        Mono<? extends Executor> on = link.relation().crossDatasource()
                ? router.route(target.index()).adapter(target.name())
                : Mono.just(executor);
        int[] idOrder = toMany ? idOrder(target, query.orderBy(), statement) : NO_FIELDS;
        int keyPosition = target.fieldCount() + 1;
        return on.flatMap(targetExecutor -> targetExecutor.execute(find).flatMap(result -> {
            List<Row> rows = result.rows();
            boolean carried = !rows.isEmpty() && rows.get(0).size() > keyPosition;
            if (!carried && !rows.isEmpty() && !find.keyAmongFields(link)) {
                throw new IllegalStateException("The adapter answered a FindRelated of " + target.name()
                        + " with rows that do not carry their parent's key at position " + keyPosition
                        + ", although the key is not among the fields they read");
            }
            Map<Object, Indexes> groups = group(rows, carried ? keyPosition : -1, link, idOrder, keys.size());
            // a row carrying the key is cut back to its fields (and counts); one without is handed on as it is
            int width = !carried ? -1 : selection.counts().isEmpty() ? target.fieldCount() : target.fieldCount() + 1;
            return load(targetExecutor, rows, target.index(), selection.includes(),
                    hiddenFields(target.index(), selection), width)
                    .map(loaded -> new Loaded(include.field(), distribute(parentKeys, groups, rows, loaded, toMany,
                            idOrder)));
        }));
    }

    /**
     * The indexes of the related rows {@code rows} by the lookup key of their parent, in one pass over
     * the rows: the key read at {@code keyPosition}, or from the rows' {@link RelationLink#targetKey()}
     * fields when that is {@code -1}; each group noting whether its rows came in the order of the
     * fields {@code idOrder}, when it names any.
     *
     * @param parents how many parent keys there are, the most groups there can be
     */
    private static Map<Object, Indexes> group(List<Row> rows, int keyPosition, RelationLink link, int[] idOrder,
            int parents) {
        Map<Object, Indexes> groups = new HashMap<>(Math.max(16, (int) (parents / 0.75f) + 1));
        Comparator<Row> byId = idOrder.length == 0 ? null : byId(idOrder);
        int size = rows.size();
        for (int j = 0; j < size; j++) {
            Row row = rows.get(j);
            Object key = lookupKey(keyPosition >= 0 ? row.get(keyPosition) : link.targetKeyOf(row::get));
            Indexes group = groups.get(key);
            if (group == null) {
                group = new Indexes();
                groups.put(key, group);
            }
            group.add(j, row, byId);
        }
        return groups;
    }

    /**
     * The value of the relation field for each parent, from the related rows ({@code loaded}, as read
     * in {@code read}) grouped by their parents' keys; each parent's rows ordered by the fields
     * {@code idOrder} of the rows read when it names any, else in the order they came.
     */
    private static Object[] distribute(Object[] parentKeys, Map<Object, Indexes> groups, List<Row> read,
            List<Row> loaded, boolean toMany, int[] idOrder) {
        Comparator<Row> byId = idOrder.length == 0 ? null : byId(idOrder);
        Object[] values = new Object[parentKeys.length];
        for (int i = 0; i < values.length; i++) {
            Indexes group = parentKeys[i] == null ? null : groups.get(parentKeys[i]);
            List<Row> rows = group == null ? null : group.rows(read, loaded, byId);
            if (toMany) {
                values[i] = rows == null ? List.of() : rows;
            } else {
                values[i] = rows == null ? Optional.empty() : Optional.of(rows.get(0));
            }
        }
        return values;
    }

    /**
     * The id fields of {@code target} by which this loader orders the records of a to-many include
     * reading {@code selection} with {@code orderBy}, or none: when there is no order and every id
     * field is a read {@code Int} or {@code BigInt}, whose order in Java is the database's, the
     * statement may leave the rows unordered and the records are ordered here.
     */
    private static int[] idOrder(ModelMeta target, List<OrderBy> orderBy, Selection selection) {
        if (!orderBy.isEmpty()) {
            return NO_FIELDS;
        }
        List<Integer> id = target.id().fields();
        int[] fields = new int[id.size()];
        for (int i = 0; i < fields.length; i++) {
            int field = id.get(i);
            FieldMeta meta = target.field(field);
            boolean numeric = meta.scalarType() == ScalarType.INT || meta.scalarType() == ScalarType.BIGINT;
            if (!numeric || meta.isList() || !(selection.allFields() || selection.fields().contains(field))) {
                return NO_FIELDS;
            }
            fields[i] = field;
        }
        return fields;
    }

    /** Orders rows by the numeric fields {@code fields}, ascending, the first field first. */
    private static Comparator<Row> byId(int[] fields) {
        return (left, right) -> {
            for (int field : fields) {
                int compared = Long.compare(((Number) left.get(field)).longValue(),
                        ((Number) right.get(field)).longValue());
                if (compared != 0) {
                    return compared;
                }
            }
            return 0;
        };
    }

    private static List<Row> assemble(List<Row> rows, List<Loaded> loaded, int[] hidden, int width) {
        List<Row> assembled = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Object[] values = new Object[width < 0 ? row.size() : width];
            for (int p = 0; p < values.length; p++) {
                values[p] = row.get(p);
            }
            for (Loaded relation : loaded) {
                values[relation.field()] = relation.values()[i];
            }
            for (int field : hidden) {
                values[field] = null;
            }
            assembled.add(Row.wrap(values));
        }
        return Collections.unmodifiableList(assembled);
    }

    /** The link-key fields {@link #statementSelection} adds to {@code selection}, which the rows must not show. */
    private int[] hiddenFields(int model, Selection selection) {
        if (selection.allFields() || selection.includes().isEmpty()) {
            return NO_FIELDS;
        }
        List<Integer> read = statementSelection(model, selection).fields();
        int selected = selection.fields().size();
        int[] hidden = new int[read.size() - selected];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = read.get(selected + i);
        }
        return hidden;
    }

    /**
     * How relation field {@code field} of {@code model} links its records.
     *
     * @throws InvalidQueryException when the field is not a relation field
     */
    private RelationLink link(int model, int field) {
        ModelMeta meta = schema.model(model);
        boolean exists = field >= 0 && field < meta.fieldCount();
        String name = exists ? meta.field(field).name() : "#" + field;
        if (!exists || !meta.field(field).isRelation()) {
            throw new InvalidQueryException(meta.name(), List.of(name), "Field " + name + " of " + meta.name()
                    + " is not a relation, so it cannot be included: include relation fields, and choose scalar"
                    + " fields with select");
        }
        try {
            return RelationLink.of(schema, model, field);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(meta.name(), List.of(name), e.getMessage());
        }
    }

    /**
     * A link key as a hash key: byte arrays compare by content, decimals by value, and compound keys
     * part by part, as they do in the database.
     */
    private static Object lookupKey(Object key) {
        if (key instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        if (key instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros();
        }
        if (key instanceof List<?> parts) {
            List<Object> lookup = new ArrayList<>(parts.size());
            for (Object part : parts) {
                lookup.add(lookupKey(part));
            }
            return lookup;
        }
        return key;
    }

    /** The selection of an operation that returns records, or {@code null} for one that does not. */
    static Selection selectionOf(Operation operation) {
        if (operation instanceof Operation.FindMany findMany) {
            return findMany.query().selection();
        } else if (operation instanceof Operation.FindUnique findUnique) {
            return findUnique.selection();
        } else if (operation instanceof Operation.FindFirst findFirst) {
            return findFirst.query().selection();
        } else if (operation instanceof Operation.Create create) {
            return create.selection();
        } else if (operation instanceof Operation.Update update) {
            return update.selection();
        } else if (operation instanceof Operation.Upsert upsert) {
            return upsert.selection();
        } else if (operation instanceof Operation.Delete delete) {
            return delete.selection();
        } else if (operation instanceof Operation.CreateManyAndReturn createMany) {
            return createMany.selection();
        } else if (operation instanceof Operation.UpdateManyAndReturn updateMany) {
            return updateMany.selection();
        }
        return null;
    }

    /** {@code operation}, which returns records, reading {@code selection} instead of its own. */
    static Operation withSelection(Operation operation, Selection selection) {
        int model = operation.model();
        if (operation instanceof Operation.FindMany findMany) {
            return new Operation.FindMany(model, withSelection(findMany.query(), selection));
        } else if (operation instanceof Operation.FindUnique findUnique) {
            return new Operation.FindUnique(model, findUnique.where(), selection);
        } else if (operation instanceof Operation.FindFirst findFirst) {
            return new Operation.FindFirst(model, withSelection(findFirst.query(), selection));
        } else if (operation instanceof Operation.Create create) {
            return new Operation.Create(model, create.data(), selection);
        } else if (operation instanceof Operation.Update update) {
            return new Operation.Update(model, update.where(), update.data(), selection);
        } else if (operation instanceof Operation.Upsert upsert) {
            return new Operation.Upsert(model, upsert.where(), upsert.create(), upsert.update(), selection);
        } else if (operation instanceof Operation.Delete delete) {
            return new Operation.Delete(model, delete.where(), selection);
        } else if (operation instanceof Operation.CreateManyAndReturn createMany) {
            return new Operation.CreateManyAndReturn(model, createMany.data(), createMany.skipDuplicates(), selection);
        } else if (operation instanceof Operation.UpdateManyAndReturn updateMany) {
            return new Operation.UpdateManyAndReturn(model, updateMany.where(), updateMany.data(), selection);
        }
        throw new IllegalArgumentException(operation.getClass().getSimpleName() + " returns no records to select");
    }

    private static Query withSelection(Query query, Selection selection) {
        return new Query(query.where(), query.orderBy(), query.skip(), query.take(), query.cursor(), query.distinct(),
                selection);
    }

    /** The indexes of one parent key's related rows, in the order they came. */
    private static final class Indexes {

        private int[] values = new int[4];
        private int size;
        private Row last;
        private boolean unordered;
        private List<Row> rows;

        /** Adds the index of {@code row}, noting whether it breaks {@code order} (when not {@code null}). */
        void add(int index, Row row, Comparator<Row> order) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = index;
            if (order != null) {
                unordered |= last != null && order.compare(last, row) > 0;
                last = row;
            }
        }

        /**
         * The rows of {@code loaded} at these indexes, ordered by {@code order} (when not {@code null})
         * of the rows at the same indexes of {@code read}; made once.
         */
        List<Row> rows(List<Row> read, List<Row> loaded, Comparator<Row> order) {
            if (rows == null) {
                if (order != null && unordered) {
                    sort(read, order);
                }
                Row[] picked = new Row[size];
                for (int i = 0; i < size; i++) {
                    picked[i] = loaded.get(values[i]);
                }
                rows = Collections.unmodifiableList(Arrays.asList(picked));
            }
            return rows;
        }

        /** Orders the indexes by {@code order} of their rows in {@code rows}. */
        private void sort(List<Row> rows, Comparator<Row> order) {
            Integer[] boxed = new Integer[size];
            for (int i = 0; i < size; i++) {
                boxed[i] = values[i];
            }
            Arrays.sort(boxed, (left, right) -> order.compare(rows.get(left), rows.get(right)));
            for (int i = 0; i < size; i++) {
                values[i] = boxed[i];
            }
        }
    }

    /** The value of one relation field for each parent, in the parents' order. */
    private record Loaded(int field, Object[] values) {}

    /**
     * Rows of a stream gathered into one chunk: {@code loaded} when their relations are loaded, as they
     * are for a chunk that holds every row of the stream.
     */
    private record Chunk(List<Row> rows, boolean loaded) {

        static Chunk ofLoaded(List<Row> rows) {
            return new Chunk(rows, true);
        }

        static Chunk ofGathered(List<Row> rows) {
            return new Chunk(rows, false);
        }
    }

    /**
     * Where one stream's chunks are cut, and whether its rows ended within the first one. One per
     * subscription, used on the stream's serial signals.
     */
    private static final class Chunks {

        private final int size;
        private long rows;
        private int cut;
        private boolean ended;

        Chunks(int size) {
            this.size = size;
        }

        /** True for the row that starts a new chunk: the one after every {@code size} rows. */
        boolean startsNext(Row row) {
            rows++;
            return rows > 1 && (rows - 1) % size == 0;
        }

        void rowsEnded() {
            ended = true;
        }

        /** Called once per chunk as it is cut: true when it is the first and the rows ended within it. */
        boolean holdsEveryRow() {
            return cut++ == 0 && ended;
        }
    }
}
