package dev.refract.mongo.render;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.RelationLink;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.mongo.codec.DocumentLayout;
import dev.refract.mongo.codec.FieldCodec;
import dev.refract.mongo.codec.ModelCodecs;
import dev.refract.mongo.codec.ReadShape;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

/**
 * Renders every {@link Operation} as a {@link MongoCommand}; pure, apart from the ObjectIds it makes
 * for {@code @default(auto())} ids.
 *
 * <ul>
 *   <li>Reads are aggregation pipelines: relation-filter lookups, {@code $match}, the cursor's
 *       condition, {@code distinct} as {@code $group} keeping each group's first record under the
 *       query's order, {@code $sort} (the id appended when there is an order or a cursor, so pages
 *       are stable), {@code $skip}, {@code $limit}, relation counts as {@code $lookup} and {@code $addFields} of
 *       {@code $size}, and an inclusion {@code $project} of the selected fields ({@code _id} only
 *       when selected).</li>
 *   <li>{@code findRelated} matches the related records' keys with {@code $in}; per-parent paging
 *       groups them by parent key and slices each group. For a many-to-many relation kept in lists
 *       of ids, it reads every listed id once and the executor hands each row to every parent listing
 *       it ({@link MongoCommand.FanOut}).</li>
 *   <li>Creates are inserts of documents holding the values written, a new ObjectId for
 *       {@code @default(auto())} and the literal defaults of fields left out.</li>
 *   <li>Updates are {@code $set}, {@code $inc} ({@code decrement} as a negative increment) and
 *       {@code $mul}; a {@code divide} makes the update a pipeline computing {@code $divide}, truncated
 *       for {@code Int} and {@code BigInt} as SQL's integer division is.</li>
 *   <li>Aggregates and group-bys are {@code $group} stages; {@code having} and their order refer
 *       to the group's keys and values.</li>
 * </ul>
 */
public final class CommandRenderer {

    private static final String COUNT_PREFIX = "__refract_count";
    private static final String SORT_PREFIX = "__refract_s";
    private static final String DISTINCT_DOCUMENT = "__refract_first";

    private final SchemaMeta schema;
    private final ModelCodecs codecs;
    private final FilterRenderer filters;
    private final InsertDefaults defaults;

    /** A renderer for {@code codecs}' schema. */
    public CommandRenderer(ModelCodecs codecs) {
        this.schema = codecs.schema();
        this.codecs = codecs;
        this.filters = new FilterRenderer(codecs);
        this.defaults = new InsertDefaults(schema);
    }

    /** The filter renderer this renderer uses. */
    public FilterRenderer filters() {
        return filters;
    }

    /**
     * The command of {@code operation}.
     *
     * @throws InvalidQueryException when the operation asks for what the MongoDB adapter cannot do
     */
    public MongoCommand render(Operation operation) {
        ModelMeta model = schema.model(operation.model());
        String collection = model.dbName();
        if (operation instanceof Operation.FindUnique find) {
            Query query = new Query(find.where(), List.of(), 0, 1, null, List.of(), find.selection());
            return read(model, query, 1, List.of());
        }
        if (operation instanceof Operation.FindFirst find) {
            return read(model, find.query(), 1, List.of());
        }
        if (operation instanceof Operation.FindMany find) {
            return read(model, find.query(), find.query().take(), List.of());
        }
        if (operation instanceof Operation.FindRelated related) {
            return findRelated(model, related);
        }
        if (operation instanceof Operation.Count count) {
            Pipeline pipeline = rows(model, count.query(), count.query().take(), List.of(), null);
            pipeline.stages.add(new BsonDocument("$count", new BsonString("n")));
            return new MongoCommand.Count(collection, pipeline.stages, pipeline.cursor);
        }
        if (operation instanceof Operation.Aggregate aggregate) {
            return AggregateStages.aggregate(this, model, aggregate);
        }
        if (operation instanceof Operation.GroupBy group) {
            return AggregateStages.groupBy(this, model, group);
        }
        if (operation instanceof Operation.Create create) {
            List<BsonDocument> documents = List.of(insertDocument(model, create.data()));
            return returning(model, create.selection(), null, (projection, shape) ->
                    new MongoCommand.Insert(collection, documents, false, true, shape));
        }
        if (operation instanceof Operation.CreateMany many) {
            return new MongoCommand.Insert(collection, insertDocuments(model, many.data()), many.skipDuplicates(), false,
                    ReadShape.ALL);
        }
        if (operation instanceof Operation.CreateManyAndReturn many) {
            List<BsonDocument> documents = insertDocuments(model, many.data());
            return returning(model, many.selection(), null, (projection, shape) ->
                    new MongoCommand.Insert(collection, documents, many.skipDuplicates(), true, shape));
        }
        if (operation instanceof Operation.Update update) {
            BsonDocument filter = plainFilter(model, update.where());
            MongoCommand.Update change = update(model, update.data());
            return returning(model, update.selection(), null, (projection, shape) ->
                    new MongoCommand.UpdateOne(collection, filter, change, projection, shape));
        }
        if (operation instanceof Operation.UpdateMany update) {
            FilterRenderer.Stages lookups = new FilterRenderer.Stages();
            BsonDocument filter = filters.render(model.index(), update.where(), lookups);
            return new MongoCommand.UpdateMany(collection, filter, update(model, update.data()), false, null,
                    ReadShape.ALL, lookups.list());
        }
        if (operation instanceof Operation.UpdateManyAndReturn update) {
            FilterRenderer.Stages lookups = new FilterRenderer.Stages();
            BsonDocument filter = filters.render(model.index(), update.where(), lookups);
            MongoCommand.Update change = update(model, update.data());
            return returning(model, update.selection(), null, (projection, shape) ->
                    new MongoCommand.UpdateMany(collection, filter, change, true, projection, shape, lookups.list()));
        }
        if (operation instanceof Operation.Upsert upsert) {
            BsonDocument filter = plainFilter(model, upsert.where());
            MongoCommand.Update change = update(model, upsert.update());
            BsonDocument insert = insertDocument(model, upsert.create());
            return returning(model, upsert.selection(), null, (projection, shape) ->
                    new MongoCommand.Upsert(collection, filter, change, insert, projection, shape));
        }
        if (operation instanceof Operation.Delete delete) {
            BsonDocument filter = plainFilter(model, delete.where());
            return returning(model, delete.selection(), filter, (projection, shape) ->
                    new MongoCommand.DeleteOne(collection, filter, projection, shape));
        }
        if (operation instanceof Operation.DeleteMany delete) {
            FilterRenderer.Stages lookups = new FilterRenderer.Stages();
            BsonDocument filter = filters.render(model.index(), delete.where(), lookups);
            return new MongoCommand.DeleteMany(collection, filter, lookups.list());
        }
        String field = operation instanceof Operation.Link link ? model.field(link.field()).name()
                : model.field(((Operation.Unlink) operation).field()).name();
        throw new InvalidQueryException(model.name(), List.of(field), "The MongoDB adapter has no join table to"
                + " link or unlink through " + model.name() + "." + field + ": in MongoDB a many-to-many relation keeps"
                + " the ids of the other side in a list field on both sides; write those lists instead");
    }

    /**
     * A write returning records as {@code selection} says. Relation counts cannot come back from a
     * write, so a selection counting relations makes the write return the records' ids too and adds
     * the read of their counts, run after the write (or, for a delete, before it, on {@code before}).
     */
    private MongoCommand returning(ModelMeta model, Selection selection, BsonDocument before,
            BiFunction<BsonDocument, ReadShape, MongoCommand> write) {
        if (selection.counts().isEmpty()) {
            return write.apply(projection(model, selection, List.of()), shape(model, selection, List.of()));
        }
        List<Integer> ids = model.id().fields();
        Selection fields = new Selection(selection.fields(), List.of());
        MongoCommand written = write.apply(projection(model, fields, ids), shape(model, fields, ids));
        Selection counted = new Selection(ids, List.of(), selection.counts());
        List<BsonDocument> stages = new ArrayList<>();
        counts(model, counted, stages);
        stages.add(new BsonDocument("$project", projection(model, counted, ids)));
        MongoCommand.Read counts = new MongoCommand.Read(model.dbName(), stages, shape(model, counted, ids), null, 0);
        return new MongoCommand.WithCounts(written, counts, ids, before);
    }

    /** The read of {@code query}'s rows, at most {@code take}. */
    private MongoCommand.Read read(ModelMeta model, Query query, Integer take, List<Integer> tag) {
        Pipeline pipeline = rows(model, query, take, tag, null);
        counts(model, query.selection(), pipeline.stages);
        pipeline.stages.add(new BsonDocument("$project", projection(model, query.selection(), tag)));
        return new MongoCommand.Read(model.dbName(), pipeline.stages, shape(model, query.selection(), tag),
                pipeline.cursor, take == null ? 0 : take);
    }

    /** The stages and cursor of a read before its counts and projection. */
    private static final class Pipeline {
        final List<BsonDocument> stages = new ArrayList<>();
        MongoCommand.Cursor cursor;
    }

    /**
     * Match, cursor, distinct, sort and paging of {@code query}, with {@code extra} (or {@code null})
     * added to its filter; with {@code tag} (the fields of a parent key, for related records), paging
     * applies to each parent's records.
     */
    private Pipeline rows(ModelMeta model, Query query, Integer take, List<Integer> tag, Filter extra) {
        Pipeline pipeline = new Pipeline();
        FilterRenderer.Stages lookups = new FilterRenderer.Stages();
        Filter where = extra == null ? query.where()
                : query.where().equals(Filter.ALL) ? extra : Filter.and(List.of(extra, query.where()));
        BsonDocument match = filters.render(model.index(), where, lookups);
        pipeline.stages.addAll(lookups.list());
        if (!match.isEmpty()) {
            pipeline.stages.add(new BsonDocument("$match", match));
        }
        List<OrderBy> order = new ArrayList<>(query.orderBy());
        boolean stable = query.cursor() != null || !order.isEmpty() || !tag.isEmpty();
        if (stable) {
            for (int id : model.id().fields()) {
                boolean present = order.stream().anyMatch(o -> o.key() instanceof OrderBy.Key.Field f && f.field() == id);
                if (!present) {
                    order.add(new OrderBy(id, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT));
                }
            }
        }
        List<CursorCondition.Key> keys = sortKeys(model, order, pipeline.stages);
        if (query.cursor() != null) {
            FilterRenderer.Stages none = new FilterRenderer.Stages();
            BsonDocument cursorFilter = filters.render(model.index(), query.cursor(), none);
            if (!none.list().isEmpty() || keys.stream().anyMatch(k -> k.path().startsWith(SORT_PREFIX))) {
                throw new InvalidQueryException(model.name(), List.of(), "A cursor of " + model.name() + " must name"
                        + " a record by its own fields and be used with an order on its own fields on MongoDB");
            }
            pipeline.cursor = new MongoCommand.Cursor(cursorFilter, keys, pipeline.stages.size());
        }
        BsonDocument sort = new BsonDocument();
        for (CursorCondition.Key key : keys) {
            sort.append(key.path(), new BsonInt32(key.ascending() ? 1 : -1));
        }
        if (!query.distinct().isEmpty()) {
            if (!sort.isEmpty()) {
                pipeline.stages.add(new BsonDocument("$sort", sort));
            }
            BsonDocument groupKey = new BsonDocument();
            for (int field : query.distinct()) {
                groupKey.append("k" + field, new BsonString("$" + codecs.model(model.index()).key(field)));
            }
            pipeline.stages.add(new BsonDocument("$group", new BsonDocument("_id", groupKey)
                    .append(DISTINCT_DOCUMENT, new BsonDocument("$first", new BsonString("$$ROOT")))));
            pipeline.stages.add(new BsonDocument("$replaceRoot", new BsonDocument("newRoot",
                    new BsonString("$" + DISTINCT_DOCUMENT))));
        }
        if (!sort.isEmpty()) {
            pipeline.stages.add(new BsonDocument("$sort", sort));
        }
        if (!tag.isEmpty() && (query.skip() > 0 || take != null)) {
            perParentPage(model, tag, query.skip(), take, pipeline.stages);
            return pipeline;
        }
        if (query.skip() > 0) {
            pipeline.stages.add(new BsonDocument("$skip", new BsonInt64(query.skip())));
        }
        if (take != null && take == 0) {
            pipeline.stages.add(new BsonDocument("$match", new BsonDocument("_id", new BsonDocument("$in",
                    new BsonArray()))));
        } else if (take != null) {
            pipeline.stages.add(new BsonDocument("$limit", new BsonInt64(take)));
        }
        return pipeline;
    }

    /** Groups the sorted records by parent key, keeps {@code skip}/{@code take} of each group, and ungroups them. */
    private void perParentPage(ModelMeta model, List<Integer> tag, int skip, Integer take, List<BsonDocument> stages) {
        DocumentLayout layout = codecs.model(model.index());
        BsonDocument key = new BsonDocument();
        for (int field : tag) {
            key.append("k" + field, new BsonString("$" + layout.key(field)));
        }
        stages.add(new BsonDocument("$group", new BsonDocument("_id", key)
                .append("docs", new BsonDocument("$push", new BsonString("$$ROOT")))));
        int count = take == null ? Integer.MAX_VALUE : take;
        stages.add(new BsonDocument("$project", new BsonDocument("docs", new BsonDocument("$slice",
                new BsonArray(List.of(new BsonString("$docs"), new BsonInt32(skip), new BsonInt32(Math.max(count, 1))))))));
        stages.add(new BsonDocument("$unwind", new BsonString("$docs")));
        stages.add(new BsonDocument("$replaceRoot", new BsonDocument("newRoot", new BsonString("$docs"))));
    }

    /** The sort keys of {@code order} as paths; relation keys add the lookups that compute them. */
    private List<CursorCondition.Key> sortKeys(ModelMeta model, List<OrderBy> order, List<BsonDocument> stages) {
        List<CursorCondition.Key> keys = new ArrayList<>();
        DocumentLayout layout = codecs.model(model.index());
        for (int i = 0; i < order.size(); i++) {
            OrderBy sort = order.get(i);
            boolean ascending = sort.direction() == OrderBy.Direction.ASC;
            if (sort.nulls() != OrderBy.Nulls.DEFAULT) {
                throw new InvalidQueryException(model.name(), List.of(), "MongoDB sorts missing values first in"
                        + " ascending and last in descending order and cannot be told otherwise: drop nulls first/last");
            }
            if (sort.key() instanceof OrderBy.Key.Field field) {
                keys.add(new CursorCondition.Key(layout.key(field.field()), ascending));
            } else if (sort.key() instanceof OrderBy.Key.RelatedField related) {
                String as = SORT_PREFIX + i;
                stages.addAll(reached(model, related.relations(), 0, related.field(), as));
                keys.add(new CursorCondition.Key(as, ascending));
            } else if (sort.key() instanceof OrderBy.Key.RelationCount count) {
                String as = SORT_PREFIX + i;
                stages.addAll(reached(model, count.relations(), 0, -1, as));
                keys.add(new CursorCondition.Key(as, ascending));
            } else {
                throw new InvalidQueryException(model.name(), List.of(), "A sort of " + model.name() + " by an"
                        + " aggregate belongs to a group-by: " + sort.key());
            }
        }
        return keys;
    }

    /**
     * The stages putting, under {@code as}, what a sort key reaches through {@code relations} from
     * {@code relations[index]} on: the field {@code field} of the last record (to-one relations), or, for a
     * {@code field} of -1, the number of records of the last (to-many) relation, 0 when a record on the way
     * is missing. Each relation is a {@code $lookup}; a longer path nests the rest in its pipeline.
     */
    private List<BsonDocument> reached(ModelMeta model, List<Integer> relations, int index, int field, String as) {
        RelationLink link = RelationLink.of(schema, model.index(), relations.get(index));
        List<BsonDocument> stages = new ArrayList<>();
        BsonValue value;
        if (index == relations.size() - 1) {
            stages.add(filters.lookup(link, as, List.of()));
            value = field < 0 ? new BsonDocument("$size", new BsonString("$" + as))
                    : new BsonDocument("$arrayElemAt", new BsonArray(List.of(new BsonString("$" + as + "."
                            + codecs.model(link.target().index()).key(field)), new BsonInt32(0))));
        } else {
            String inner = SORT_PREFIX + "v";
            stages.add(filters.lookup(link, as, reached(link.target(), relations, index + 1, field, inner)));
            value = new BsonDocument("$arrayElemAt", new BsonArray(List.of(new BsonString("$" + as + "." + inner),
                    new BsonInt32(0))));
            if (field < 0) {
                value = new BsonDocument("$ifNull", new BsonArray(List.of(value, new BsonInt32(0))));
            }
        }
        stages.add(new BsonDocument("$addFields", new BsonDocument(as, value)));
        return stages;
    }

    /** {@code $lookup} and {@code $size} for each relation count of {@code selection}. */
    private void counts(ModelMeta model, Selection selection, List<BsonDocument> stages) {
        for (Selection.RelationCount count : selection.counts()) {
            RelationLink link = RelationLink.of(schema, model.index(), count.field());
            String as = COUNT_PREFIX + count.field();
            FilterRenderer.Stages nested = new FilterRenderer.Stages();
            BsonDocument match = filters.render(link.target().index(), count.where(), nested);
            List<BsonDocument> pipeline = new ArrayList<>(nested.list());
            if (!match.isEmpty()) {
                pipeline.add(new BsonDocument("$match", match));
            }
            stages.add(filters.lookup(link, as, pipeline));
            stages.add(new BsonDocument("$addFields", new BsonDocument(as, new BsonDocument("$size", new BsonString("$" + as)))));
        }
    }

    /** The inclusion projection of {@code selection}, counts and {@code tag} fields. */
    BsonDocument projection(ModelMeta model, Selection selection, List<Integer> tag) {
        DocumentLayout layout = codecs.model(model.index());
        BsonDocument projection = new BsonDocument();
        boolean id = false;
        for (int i = 0; i < model.fieldCount(); i++) {
            if (layout.key(i) != null && (selection.allFields() || selection.fields().contains(i) || tag.contains(i))) {
                projection.append(layout.key(i), new BsonInt32(1));
                id |= "_id".equals(layout.key(i));
            }
        }
        for (Selection.RelationCount count : selection.counts()) {
            projection.append(COUNT_PREFIX + count.field(), new BsonInt32(1));
        }
        if (!id) {
            projection.append("_id", new BsonInt32(0));
        }
        return projection;
    }

    /** How rows of {@code selection} are read. */
    ReadShape shape(ModelMeta model, Selection selection, List<Integer> tag) {
        boolean[] selected = null;
        if (!selection.allFields()) {
            selected = new boolean[model.fieldCount()];
            for (int field : selection.fields()) {
                selected[field] = true;
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Selection.RelationCount count : selection.counts()) {
            counts.put(COUNT_PREFIX + count.field(), count.field());
        }
        return new ReadShape(selected, counts, tag);
    }

    private MongoCommand findRelated(ModelMeta model, Operation.FindRelated related) {
        RelationLink link = RelationLink.of(schema, related.parentModel(), related.field());
        FieldMeta relationField = link.parent().field(related.field());
        if (link.shape() == RelationLink.Shape.JOIN_TABLE) {
            throw new InvalidQueryException(link.parent().name(), List.of(relationField.name()), "The MongoDB adapter"
                    + " has no join table for " + link.parent().name() + "." + relationField.name() + ": keep the ids"
                    + " of the other side in a list field on both sides");
        }
        List<Integer> tag = link.targetKey();
        Query query = related.query();
        if (link.parentKey().size() == 1 && link.parent().field(link.parentKey().get(0)).isList()) {
            return idListRelated(model, related, tag, query);
        }
        Filter keys;
        if (tag.size() == 1) {
            keys = new Filter.Comparison(tag.get(0), Filter.Operator.IN, related.keys(), Filter.Mode.DEFAULT);
        } else {
            List<Filter> each = new ArrayList<>();
            for (Object key : related.keys()) {
                List<?> values = (List<?>) key;
                List<Filter> parts = new ArrayList<>();
                for (int i = 0; i < tag.size(); i++) {
                    parts.add(new Filter.Comparison(tag.get(i), Filter.Operator.EQUALS, values.get(i), Filter.Mode.DEFAULT));
                }
                each.add(new Filter.And(parts));
            }
            keys = new Filter.Or(each);
        }
        Pipeline pipeline = rows(model, query, query.take(), tag, keys);
        counts(model, query.selection(), pipeline.stages);
        pipeline.stages.add(new BsonDocument("$project", projection(model, query.selection(), tag)));
        return new MongoCommand.Read(model.dbName(), pipeline.stages, shape(model, query.selection(), tag),
                pipeline.cursor, 0);
    }

    /**
     * The records a many-to-many relation lists by id: every id of every parent's list with {@code $in},
     * sorted once; the executor hands each row to each parent listing it and pages per parent.
     */
    private MongoCommand idListRelated(ModelMeta model, Operation.FindRelated related, List<Integer> tag, Query query) {
        List<Object> ids = new ArrayList<>();
        for (Object key : related.keys()) {
            for (Object id : (List<?>) key) {
                if (id != null && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        Filter listed = new Filter.Comparison(tag.get(0), Filter.Operator.IN, ids, Filter.Mode.DEFAULT);
        Query all = new Query(query.where(), query.orderBy(), 0, null, query.cursor(), query.distinct(),
                query.selection());
        Pipeline pipeline = rows(model, all, null, List.of(), listed);
        counts(model, query.selection(), pipeline.stages);
        pipeline.stages.add(new BsonDocument("$project", projection(model, query.selection(), tag)));
        return new MongoCommand.Read(model.dbName(), pipeline.stages, shape(model, query.selection(), tag),
                pipeline.cursor, 0, new MongoCommand.FanOut(related.keys(), query.skip(), query.take()));
    }

    /** A filter of a write on one record, which cannot look related records up. */
    private BsonDocument plainFilter(ModelMeta model, Filter where) {
        FilterRenderer.Stages lookups = new FilterRenderer.Stages();
        BsonDocument filter = filters.render(model.index(), where, lookups);
        if (!lookups.list().isEmpty()) {
            throw new InvalidQueryException(model.name(), List.of(), "The where of a write of one " + model.name()
                    + " on MongoDB cannot filter by related records: name the record by its unique fields, or use"
                    + " updateMany or deleteMany, which can");
        }
        return filter;
    }

    private List<BsonDocument> insertDocuments(ModelMeta model, List<WriteData> data) {
        List<BsonDocument> documents = new ArrayList<>(data.size());
        for (WriteData record : data) {
            documents.add(insertDocument(model, record));
        }
        return documents;
    }

    /** The document a create inserts: the values written, then ids made and literal defaults. */
    BsonDocument insertDocument(ModelMeta model, WriteData data) {
        DocumentLayout layout = codecs.model(model.index());
        BsonValue[] values = new BsonValue[model.fieldCount()];
        for (WriteData.FieldWrite write : data.writes()) {
            if (write.op() != WriteData.WriteOp.SET) {
                throw new InvalidQueryException(model.name(), List.of(model.field(write.field()).name()),
                        "A create can only set values, not " + write.op());
            }
            values[write.field()] = encode(model, layout, write.field(), write.value());
        }
        for (InsertDefaults.Filled filled : defaults.of(model.index())) {
            if (values[filled.field()] == null) {
                values[filled.field()] = filled.value() == null ? new BsonObjectId(new ObjectId())
                        : encode(model, layout, filled.field(), filled.value());
            }
        }
        BsonDocument document = new BsonDocument();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && "_id".equals(layout.key(i))) {
                document.append("_id", values[i]);
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !"_id".equals(layout.key(i))) {
                document.append(layout.key(i), values[i]);
            }
        }
        return document;
    }

    private static BsonValue encode(ModelMeta model, DocumentLayout layout, int field, Object value) {
        try {
            return layout.codec(field).encode(value);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new InvalidQueryException(model.name(), List.of(model.field(field).name()), "The value of "
                    + model.name() + "." + model.field(field).name() + " cannot be stored: " + e.getMessage());
        }
    }

    /**
     * The update of {@code data}: operators, or a pipeline when a division must be computed. A
     * {@code Json} field set to no value loses its key ({@code $unset}), as BSON null there is the
     * JSON null value.
     */
    MongoCommand.Update update(ModelMeta model, WriteData data) {
        DocumentLayout layout = codecs.model(model.index());
        boolean computed = data.writes().stream().anyMatch(write -> write.op() == WriteData.WriteOp.DIVIDE);
        if (computed) {
            BsonDocument set = new BsonDocument();
            for (WriteData.FieldWrite write : data.writes()) {
                set.append(layout.key(write.field()), expression(model, layout, write));
            }
            return new MongoCommand.Update(null, List.of(new BsonDocument("$set", set)));
        }
        BsonDocument set = new BsonDocument();
        BsonDocument unset = new BsonDocument();
        BsonDocument increment = new BsonDocument();
        BsonDocument multiply = new BsonDocument();
        for (WriteData.FieldWrite write : data.writes()) {
            String key = layout.key(write.field());
            switch (write.op()) {
                case SET:
                    if (write.value() == null && layout.codec(write.field()).holdsJson()) {
                        unset.append(key, new BsonString(""));
                    } else {
                        set.append(key, write.value() == null ? BsonNull.VALUE : encode(model, layout, write.field(),
                                write.value()));
                    }
                    break;
                case INCREMENT:
                    increment.append(key, encode(model, layout, write.field(), write.value()));
                    break;
                case DECREMENT:
                    increment.append(key, encode(model, layout, write.field(), negate(write.value())));
                    break;
                case MULTIPLY:
                    multiply.append(key, encode(model, layout, write.field(), write.value()));
                    break;
                default:
                    throw new IllegalStateException("division is rendered as a pipeline");
            }
        }
        BsonDocument update = new BsonDocument();
        if (!set.isEmpty()) {
            update.append("$set", set);
        }
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        if (!increment.isEmpty()) {
            update.append("$inc", increment);
        }
        if (!multiply.isEmpty()) {
            update.append("$mul", multiply);
        }
        return new MongoCommand.Update(update, null);
    }

    private static BsonValue expression(ModelMeta model, DocumentLayout layout, WriteData.FieldWrite write) {
        String key = layout.key(write.field());
        BsonString current = new BsonString("$" + key);
        BsonValue value = write.value() == null ? BsonNull.VALUE : encode(model, layout, write.field(), write.value());
        switch (write.op()) {
            case SET:
                if (write.value() == null && layout.codec(write.field()).holdsJson()) {
                    return new BsonString("$$REMOVE");
                }
                return new BsonDocument("$literal", value);
            case INCREMENT:
                return new BsonDocument("$add", new BsonArray(List.of(current, value)));
            case DECREMENT:
                return new BsonDocument("$subtract", new BsonArray(List.of(current, value)));
            case MULTIPLY:
                return new BsonDocument("$multiply", new BsonArray(List.of(current, value)));
            case DIVIDE: {
                ScalarType type = model.field(write.field()).scalarType();
                if (type == ScalarType.INT || type == ScalarType.BIGINT) {
                    BsonDocument quotient = new BsonDocument("$divide", new BsonArray(List.of(
                            new BsonDocument("$toDecimal", current), new BsonDocument("$toDecimal", value))));
                    return new BsonDocument(type == ScalarType.INT ? "$toInt" : "$toLong",
                            new BsonDocument("$trunc", quotient));
                }
                return new BsonDocument("$divide", new BsonArray(List.of(current, value)));
            }
            default:
                throw new IllegalArgumentException("unknown write " + write.op());
        }
    }

    private static Object negate(Object value) {
        if (value instanceof Integer number) {
            return -number;
        }
        if (value instanceof Long number) {
            return -number;
        }
        if (value instanceof Double number) {
            return -number;
        }
        if (value instanceof java.math.BigDecimal number) {
            return number.negate();
        }
        throw new IllegalArgumentException("cannot decrement by a " + value.getClass().getSimpleName());
    }

    /** The codecs this renderer reads fields with. */
    ModelCodecs codecs() {
        return codecs;
    }

    /** The field codec of {@code field} of {@code model}. */
    FieldCodec codec(ModelMeta model, int field) {
        return codecs.model(model.index()).codec(field);
    }

    /** The match, cursor, sort and paging stages of {@code query}, for aggregates. */
    List<BsonDocument> rowStages(ModelMeta model, Query query, MongoCommand.Cursor[] cursor) {
        Pipeline pipeline = rows(model, query, query.take(), List.of(), null);
        cursor[0] = pipeline.cursor;
        return pipeline.stages;
    }
}
