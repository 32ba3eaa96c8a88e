package dev.refract.mongo.render;

import dev.refract.error.InvalidQueryException;
import dev.refract.json.Json;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.RelationLink;
import dev.refract.meta.SchemaMeta;
import dev.refract.mongo.codec.DocumentLayout;
import dev.refract.mongo.codec.FieldCodec;
import dev.refract.mongo.codec.JsonBson;
import dev.refract.mongo.codec.ModelCodecs;
import dev.refract.query.Filter;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Renders a {@link Filter} as a MongoDB query document. Pure: values become BSON values through the
 * fields' codecs, never query text, so a string such as {@code "$gt"} is compared as a string.
 *
 * <ul>
 *   <li>An empty {@code AND} is {@code {}}; an empty {@code OR} matches nothing
 *       ({@code {_id: {$in: []}}}). {@code NOT} follows SQL's three-valued logic: it is pushed
 *       through {@code AND} and {@code OR}, and a negated comparison is {@code $nor} of it that also
 *       requires the compared fields to hold values, as SQL's {@code NOT (a = 1)} skips a missing
 *       {@code a}.</li>
 *   <li>{@code not} and {@code notIn} do not match records holding no value, as in SQL
 *       ({@code $nin} with {@code null} added).</li>
 *   <li>{@code contains}, {@code startsWith}, {@code endsWith} are {@code $regex} with every
 *       metacharacter escaped ({@link Regex}); insensitive mode adds {@code $options: "i"}, and an
 *       insensitive {@code equals} is an anchored escaped pattern.</li>
 *   <li>Field-to-field comparisons are {@code $expr}, records without either value excluded.</li>
 *   <li>JSON path filters use the dotted path; a key that cannot be part of one (empty, holding a dot,
 *       starting with {@code $}) is read literally with {@code $getField} inside {@code $expr}.</li>
 *   <li>Composite values ({@link Filter.Embedded}): {@code is} adds the composite's conditions under
 *       its path, {@code some}/{@code every}/{@code none} use {@code $elemMatch}, to any depth.</li>
 *   <li>Relation filters ({@link Filter.Related}) need a {@code $lookup} of the related records
 *       before the {@code $match}: the renderer adds it to the {@link Stages} it is given and matches
 *       on the looked-up array.</li>
 * </ul>
 */
public final class FilterRenderer {

    /** The key prefix of arrays added by the lookups of relation filters. */
    public static final String RELATION_PREFIX = "__refract_r";

    private static final BsonDocument NOTHING = new BsonDocument("_id", new BsonDocument("$in", new BsonArray()));

    private final SchemaMeta schema;
    private final ModelCodecs codecs;

    /** A renderer for {@code codecs}' schema. */
    public FilterRenderer(ModelCodecs codecs) {
        this.schema = codecs.schema();
        this.codecs = codecs;
    }

    /**
     * The lookup stages a filter needs, collected while it renders; numbered so nested lookups get
     * keys of their own.
     */
    public static final class Stages {
        private final List<BsonDocument> stages = new ArrayList<>();
        private final int[] next;

        /** An empty collection of stages. */
        public Stages() {
            this(new int[1]);
        }

        private Stages(int[] next) {
            this.next = next;
        }

        /** Stages numbered on from these, for a nested lookup's pipeline. */
        Stages nested() {
            return new Stages(next);
        }

        String newKey() {
            return RELATION_PREFIX + next[0]++;
        }

        void add(BsonDocument stage) {
            stages.add(stage);
        }

        /** The stages collected, in order. */
        public List<BsonDocument> list() {
            return List.copyOf(stages);
        }
    }

    /** Where a filter's fields are: the model or composite type, and the path prefix of its keys. */
    private record Scope(int model, DocumentLayout layout, String prefix) {

        String path(int field) {
            return prefix + layout.key(field);
        }

        String modelName() {
            return layout.name();
        }
    }

    /** The query document of {@code filter} over model {@code model}; lookups it needs go to {@code stages}. */
    public BsonDocument render(int model, Filter filter, Stages stages) {
        return render(new Scope(model, codecs.model(model), ""), filter, stages);
    }

    private BsonDocument render(Scope scope, Filter filter, Stages stages) {
        if (filter instanceof Filter.And and) {
            if (and.filters().isEmpty()) {
                return new BsonDocument();
            }
            if (and.filters().size() == 1) {
                return render(scope, and.filters().get(0), stages);
            }
            return new BsonDocument("$and", all(scope, and.filters(), stages));
        }
        if (filter instanceof Filter.Or or) {
            if (or.filters().isEmpty()) {
                return NOTHING.clone();
            }
            return new BsonDocument("$or", all(scope, or.filters(), stages));
        }
        if (filter instanceof Filter.Not not) {
            return negate(scope, not.filter(), stages);
        }
        if (filter instanceof Filter.Comparison comparison) {
            return comparison(scope, comparison);
        }
        if (filter instanceof Filter.IsNull isNull) {
            return isNull.isNull() ? holdsNoValue(scope, isNull.field()) : holdsValue(scope, isNull.field());
        }
        if (filter instanceof Filter.FieldComparison comparison) {
            return fieldComparison(scope, comparison);
        }
        if (filter instanceof Filter.JsonPath json) {
            return jsonPath(scope, json);
        }
        if (filter instanceof Filter.Embedded embedded) {
            return embedded(scope, embedded, stages);
        }
        if (filter instanceof Filter.Related related) {
            return related(scope, related, stages);
        }
        throw new IllegalArgumentException("unknown filter " + filter);
    }

    /**
     * {@code NOT filter} with SQL's three-valued logic: pushed down through {@code AND} and {@code OR}
     * (De Morgan holds there too), and at a comparison true only where the compared fields hold
     * values, as a comparison with a missing value is unknown in SQL and its negation too.
     */
    private BsonDocument negate(Scope scope, Filter filter, Stages stages) {
        if (filter instanceof Filter.And and) {
            if (and.filters().isEmpty()) {
                return NOTHING.clone();
            }
            List<Filter> negated = new ArrayList<>();
            and.filters().forEach(part -> negated.add(new Filter.Not(part)));
            return render(scope, new Filter.Or(negated), stages);
        }
        if (filter instanceof Filter.Or or) {
            if (or.filters().isEmpty()) {
                return new BsonDocument();
            }
            List<Filter> negated = new ArrayList<>();
            or.filters().forEach(part -> negated.add(new Filter.Not(part)));
            return render(scope, new Filter.And(negated), stages);
        }
        if (filter instanceof Filter.Not not) {
            return render(scope, not.filter(), stages);
        }
        if (filter instanceof Filter.IsNull isNull) {
            return render(scope, new Filter.IsNull(isNull.field(), !isNull.isNull()), stages);
        }
        BsonDocument negated = nor(render(scope, filter, stages));
        List<Integer> compared = new ArrayList<>();
        if (filter instanceof Filter.Comparison comparison) {
            compared.add(comparison.field());
        } else if (filter instanceof Filter.FieldComparison comparison) {
            compared.add(comparison.field());
            compared.add(comparison.otherField());
        }
        if (compared.isEmpty()) {
            return negated;
        }
        BsonArray parts = new BsonArray();
        for (int field : compared) {
            parts.add(holdsValue(scope, field));
        }
        parts.add(negated);
        return new BsonDocument("$and", parts);
    }

    /**
     * True where {@code field} holds a value. In a {@code Json} field BSON null is the JSON null value,
     * so there only a missing key is no value; elsewhere a missing key and BSON null both are.
     */
    private static BsonDocument holdsValue(Scope scope, int field) {
        String path = scope.path(field);
        if (scope.layout().codec(field).holdsJson()) {
            return new BsonDocument(path, new BsonDocument("$exists", BsonBoolean.TRUE));
        }
        return new BsonDocument(path, new BsonDocument("$ne", BsonNull.VALUE));
    }

    /** True where {@code field} holds no value, as {@link #holdsValue} tells it. */
    private static BsonDocument holdsNoValue(Scope scope, int field) {
        String path = scope.path(field);
        if (scope.layout().codec(field).holdsJson()) {
            return new BsonDocument(path, new BsonDocument("$exists", BsonBoolean.FALSE));
        }
        return new BsonDocument(path, BsonNull.VALUE);
    }

    private BsonArray all(Scope scope, List<Filter> filters, Stages stages) {
        BsonArray array = new BsonArray(new ArrayList<>(filters.size()));
        for (Filter part : filters) {
            array.add(render(scope, part, stages));
        }
        return array;
    }

    private static BsonDocument nor(BsonDocument condition) {
        return new BsonDocument("$nor", new BsonArray(List.of(condition)));
    }

    private BsonDocument comparison(Scope scope, Filter.Comparison comparison) {
        String path = scope.path(comparison.field());
        FieldCodec codec = scope.layout().codec(comparison.field());
        Object value = comparison.value();
        boolean insensitive = comparison.mode() == Filter.Mode.INSENSITIVE && value instanceof String
                || comparison.mode() == Filter.Mode.INSENSITIVE && isStringList(value);
        try {
            switch (comparison.operator()) {
                case EQUALS:
                    if (insensitive) {
                        return new BsonDocument(path, regex(Regex.equalTo((String) value), true));
                    }
                    if (codec.holdsJson()) {
                        return jsonEquals(scope, comparison.field(), whole(codec, value));
                    }
                    return equalTo(path, whole(codec, value));
                case NOT:
                    if (codec.holdsJson()) {
                        return new BsonDocument("$and", new BsonArray(List.of(holdsValue(scope, comparison.field()),
                                nor(jsonEquals(scope, comparison.field(), whole(codec, value))))));
                    }
                    if (insensitive) {
                        return new BsonDocument("$and", new BsonArray(List.of(
                                new BsonDocument(path, new BsonDocument("$ne", BsonNull.VALUE)),
                                new BsonDocument(path, new BsonDocument("$not", regex(Regex.equalTo((String) value),
                                        true))))));
                    }
                    return new BsonDocument(path, new BsonDocument("$nin", new BsonArray(List.of(whole(codec, value),
                            BsonNull.VALUE))));
                case IN:
                    return new BsonDocument(path, new BsonDocument("$in", elements(codec, value, insensitive)));
                case NOT_IN: {
                    List<?> list = (List<?>) value;
                    if (list.isEmpty()) {
                        return new BsonDocument();
                    }
                    BsonArray values = elements(codec, value, insensitive);
                    if (codec.holdsJson()) {
                        return new BsonDocument("$and", new BsonArray(List.of(holdsValue(scope, comparison.field()),
                                new BsonDocument(path, new BsonDocument("$nin", values)))));
                    }
                    values.add(BsonNull.VALUE);
                    return new BsonDocument(path, new BsonDocument("$nin", values));
                }
                case LT:
                case LTE:
                case GT:
                case GTE:
                    return range(path, codec, comparison, insensitive);
                case CONTAINS:
                    return new BsonDocument(path, regex(Regex.contains((String) value), insensitive));
                case STARTS_WITH:
                    return new BsonDocument(path, regex(Regex.startsWith((String) value), insensitive));
                case ENDS_WITH:
                    return new BsonDocument(path, regex(Regex.endsWith((String) value), insensitive));
                case HAS:
                    return new BsonDocument(path, new BsonDocument("$elemMatch",
                            new BsonDocument("$eq", codec.encodeOne(value))));
                case HAS_EVERY: {
                    List<?> list = (List<?>) value;
                    if (list.isEmpty()) {
                        return new BsonDocument(path, new BsonDocument("$ne", BsonNull.VALUE));
                    }
                    return new BsonDocument(path, new BsonDocument("$all", elements(codec, value, false)));
                }
                case HAS_SOME:
                    return new BsonDocument(path, new BsonDocument("$in", elements(codec, value, false)));
                case IS_EMPTY:
                    return new BsonDocument(path, new BsonDocument("$size", new BsonInt32(0)));
                default:
                    throw new IllegalArgumentException("unknown operator " + comparison.operator());
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            FieldMeta field = codec.field();
            throw new InvalidQueryException(scope.modelName(), List.of(field.name()), "The filter on " + scope.modelName()
                    + "." + field.name() + " (" + comparison.operator() + ") cannot be sent to MongoDB: "
                    + e.getMessage());
        }
    }

    /** Equality with a JSON value; with the JSON null value only where the key is there, as a missing key is no value. */
    private static BsonDocument jsonEquals(Scope scope, int field, BsonValue value) {
        BsonDocument equal = new BsonDocument(scope.path(field), new BsonDocument("$eq", value));
        if (!value.isNull()) {
            return equal;
        }
        return new BsonDocument("$and", new BsonArray(List.of(holdsValue(scope, field), equal)));
    }

    private static boolean isStringList(Object value) {
        return value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String;
    }

    /** The value compared with a whole field: an array for a list field given a list. */
    private static BsonValue whole(FieldCodec codec, Object value) {
        return value instanceof List<?> ? codec.encode(value) : codec.encodeOne(value);
    }

    private static BsonArray elements(FieldCodec codec, Object value, boolean insensitive) {
        List<?> list = (List<?>) value;
        BsonArray array = new BsonArray(new ArrayList<>(list.size()));
        for (Object element : list) {
            if (insensitive && element instanceof String text) {
                array.add(new org.bson.BsonRegularExpression(Regex.equalTo(text), "i"));
            } else {
                array.add(codec.encodeOne(element));
            }
        }
        return array;
    }

    private static BsonDocument regex(String pattern, boolean insensitive) {
        BsonDocument regex = new BsonDocument("$regex", new BsonString(pattern));
        if (insensitive) {
            regex.append("$options", new BsonString("i"));
        }
        return regex;
    }

    /**
     * {@code path} equal to {@code value}: a scalar as {@code {path: value}}, the form whose index use every
     * server sees (the in-process test server scans for {@code $eq}); a document, array or null through
     * {@code $eq}, so that it is compared whole and never read as operators or as "missing".
     */
    private static BsonDocument equalTo(String path, BsonValue value) {
        switch (value.getBsonType()) {
            case STRING:
            case OBJECT_ID:
            case INT32:
            case INT64:
            case DOUBLE:
            case DECIMAL128:
            case BOOLEAN:
            case DATE_TIME:
            case BINARY:
                return new BsonDocument(path, value);
            default:
                return new BsonDocument(path, new BsonDocument("$eq", value));
        }
    }

    private static String operator(Filter.Operator operator) {
        switch (operator) {
            case LT:
                return "$lt";
            case LTE:
                return "$lte";
            case GT:
                return "$gt";
            case GTE:
                return "$gte";
            case EQUALS:
                return "$eq";
            case NOT:
                return "$ne";
            default:
                throw new IllegalArgumentException(operator + " is not a comparison");
        }
    }

    /** A range; insensitive on strings compares lower-cased text with {@code $expr}. */
    private static BsonDocument range(String path, FieldCodec codec, Filter.Comparison comparison,
            boolean insensitive) {
        String operator = operator(comparison.operator());
        if (!insensitive) {
            return new BsonDocument(path, new BsonDocument(operator, codec.encodeOne(comparison.value())));
        }
        BsonDocument lowered = new BsonDocument("$toLower", new BsonString("$" + path));
        BsonValue value = new BsonString(((String) comparison.value()).toLowerCase(java.util.Locale.ROOT));
        return new BsonDocument("$and", new BsonArray(List.of(
                new BsonDocument(path, new BsonDocument("$type", new BsonString("string"))),
                new BsonDocument("$expr", new BsonDocument(operator, new BsonArray(List.of(lowered,
                        new BsonDocument("$literal", value))))))));
    }

    private static BsonDocument fieldComparison(Scope scope, Filter.FieldComparison comparison) {
        String left = scope.path(comparison.field());
        String right = scope.path(comparison.otherField());
        BsonDocument expression = new BsonDocument(operator(comparison.operator()),
                new BsonArray(List.of(new BsonString("$" + left), new BsonString("$" + right))));
        return new BsonDocument("$and", new BsonArray(List.of(
                new BsonDocument(left, new BsonDocument("$ne", BsonNull.VALUE)),
                new BsonDocument(right, new BsonDocument("$ne", BsonNull.VALUE)),
                new BsonDocument("$expr", expression))));
    }

    /** True when {@code key} can be one part of a dotted path. */
    static boolean safeKey(String key) {
        return !key.isEmpty() && key.indexOf('.') < 0 && !key.startsWith("$");
    }

    private static BsonDocument jsonPath(Scope scope, Filter.JsonPath json) {
        String root = scope.path(json.field());
        boolean safe = json.path().stream().allMatch(FilterRenderer::safeKey);
        BsonValue value = json.value() instanceof Json given ? JsonBson.toBson(given) : null;
        String text = json.value() instanceof String given ? given : null;
        if (safe) {
            String path = json.path().isEmpty() ? root : root + "." + String.join(".", json.path());
            switch (json.operator()) {
                case EQUALS:
                    return value instanceof BsonArray ? new BsonDocument(path, new BsonDocument("$eq", value))
                            : notAnArray(path, new BsonDocument(path, new BsonDocument("$eq", value)));
                case STRING_CONTAINS:
                    return notAnArray(path, new BsonDocument(path, regex(Regex.contains(text), false)));
                case STRING_STARTS_WITH:
                    return notAnArray(path, new BsonDocument(path, regex(Regex.startsWith(text), false)));
                case STRING_ENDS_WITH:
                    return notAnArray(path, new BsonDocument(path, regex(Regex.endsWith(text), false)));
                case ARRAY_CONTAINS: {
                    BsonArray wanted = value instanceof BsonArray array ? array : new BsonArray(List.of(value));
                    return new BsonDocument("$and", new BsonArray(List.of(
                            new BsonDocument(path, new BsonDocument("$type", new BsonString("array"))),
                            new BsonDocument(path, new BsonDocument("$all", wanted)))));
                }
                default:
                    throw new IllegalArgumentException("unknown JSON operator " + json.operator());
            }
        }
        BsonValue target = new BsonString("$" + root);
        for (String key : json.path()) {
            target = new BsonDocument("$getField", new BsonDocument("field", new BsonDocument("$literal",
                    new BsonString(key))).append("input", target));
        }
        BsonDocument expression;
        switch (json.operator()) {
            case EQUALS:
                expression = new BsonDocument("$eq", new BsonArray(List.of(target, new BsonDocument("$literal", value))));
                break;
            case STRING_CONTAINS:
            case STRING_STARTS_WITH:
            case STRING_ENDS_WITH: {
                String pattern = json.operator() == Filter.JsonOperator.STRING_CONTAINS ? Regex.contains(text)
                        : json.operator() == Filter.JsonOperator.STRING_STARTS_WITH ? Regex.startsWith(text)
                        : Regex.endsWith(text);
                expression = new BsonDocument("$and", new BsonArray(List.of(
                        new BsonDocument("$eq", new BsonArray(List.of(new BsonDocument("$type", target),
                                new BsonString("string")))),
                        new BsonDocument("$regexMatch", new BsonDocument("input", target)
                                .append("regex", new BsonString(pattern))))));
                break;
            }
            case ARRAY_CONTAINS: {
                BsonArray wanted = value instanceof BsonArray array ? array : new BsonArray(List.of(value));
                expression = new BsonDocument("$and", new BsonArray(List.of(
                        new BsonDocument("$isArray", new BsonArray(List.of(target))),
                        new BsonDocument("$setIsSubset", new BsonArray(List.of(new BsonDocument("$literal", wanted),
                                target))))));
                break;
            }
            default:
                throw new IllegalArgumentException("unknown JSON operator " + json.operator());
        }
        return new BsonDocument("$expr", expression);
    }

    /**
     * {@code condition} on the value at {@code path} itself: MongoDB also matches an array holding a
     * matching element, which SQL's JSON path comparison does not.
     */
    private static BsonDocument notAnArray(String path, BsonDocument condition) {
        return new BsonDocument("$and", new BsonArray(List.of(condition,
                new BsonDocument(path, new BsonDocument("$not", new BsonDocument("$type", new BsonString("array")))))));
    }

    private BsonDocument embedded(Scope scope, Filter.Embedded embedded, Stages stages) {
        String path = scope.path(embedded.field());
        DocumentLayout type = scope.layout().codec(embedded.field()).composite();
        if (type == null) {
            throw new InvalidQueryException(scope.modelName(), List.of(), "Field " + path
                    + " is not a composite value, so it cannot be filtered with is, isNot, some, every or none");
        }
        switch (embedded.quantifier()) {
            case IS: {
                BsonDocument inner = render(new Scope(-1, type, path + "."), embedded.filter(), stages);
                BsonDocument present = new BsonDocument(path, new BsonDocument("$type", new BsonString("object")));
                return inner.isEmpty() ? present : new BsonDocument("$and", new BsonArray(List.of(present, inner)));
            }
            case IS_NOT: {
                BsonDocument inner = render(new Scope(-1, type, path + "."), embedded.filter(), stages);
                BsonDocument present = new BsonDocument(path, new BsonDocument("$type", new BsonString("object")));
                return nor(inner.isEmpty() ? present : new BsonDocument("$and", new BsonArray(List.of(present, inner))));
            }
            case SOME:
                return elementMatch(path, type, embedded.filter(), stages);
            case NONE:
                return nor(elementMatch(path, type, embedded.filter(), stages));
            case EVERY:
                return nor(elementMatch(path, type, new Filter.Not(embedded.filter()), stages));
            default:
                throw new IllegalArgumentException("unknown quantifier " + embedded.quantifier());
        }
    }

    /** An element of the array at {@code path} matching {@code filter}; any element when it matches all. */
    private BsonDocument elementMatch(String path, DocumentLayout type, Filter filter, Stages stages) {
        BsonDocument inner = render(new Scope(-1, type, ""), filter, stages);
        if (inner.isEmpty()) {
            return new BsonDocument(path + ".0", new BsonDocument("$exists", BsonBoolean.TRUE));
        }
        return new BsonDocument(path, new BsonDocument("$elemMatch", inner));
    }

    private BsonDocument related(Scope scope, Filter.Related related, Stages stages) {
        if (scope.model() < 0 || !scope.prefix().isEmpty()) {
            throw new InvalidQueryException(scope.modelName(), List.of(), "A relation filter cannot sit inside a"
                    + " condition on a composite value");
        }
        RelationLink link = RelationLink.of(schema, scope.model(), related.field());
        ModelMeta target = link.target();
        String key = stages.newKey();
        Stages nested = stages.nested();
        Scope targetScope = new Scope(target.index(), codecs.model(target.index()), "");
        BsonDocument inner = render(targetScope, related.filter(), nested);
        BsonDocument failing = related.quantifier() == Filter.Quantifier.EVERY
                ? negate(targetScope, related.filter(), nested) : null;
        stages.add(lookup(link, key, nested.list()));
        BsonDocument some = inner.isEmpty() ? new BsonDocument(key + ".0", new BsonDocument("$exists", BsonBoolean.TRUE))
                : new BsonDocument(key, new BsonDocument("$elemMatch", inner));
        switch (related.quantifier()) {
            case SOME:
            case IS:
                return some;
            case NONE:
            case IS_NOT:
                return nor(some);
            case EVERY:
                // every related record matches: none of them fails, a failure being what SQL's NOT calls one
                return inner.isEmpty() ? new BsonDocument()
                        : nor(new BsonDocument(key, new BsonDocument("$elemMatch", failing)));
            default:
                throw new IllegalArgumentException("unknown quantifier " + related.quantifier());
        }
    }

    /**
     * The {@code $lookup} of the records related through {@code link} into {@code as}; {@code pipeline}
     * holds the lookups of nested relation filters.
     *
     * @throws InvalidQueryException when the relation crosses datasources, has a compound key, or is
     *                               an implicit many-to-many relation
     */
    BsonDocument lookup(RelationLink link, String as, List<BsonDocument> pipeline) {
        ModelMeta parent = link.parent();
        ModelMeta target = link.target();
        if (link.relation().crossDatasource()) {
            throw new InvalidQueryException(parent.name(), List.of(parent.field(link.relation().field()).name()),
                    "Relation " + parent.name() + "." + parent.field(link.relation().field()).name() + " reaches "
                            + target.name() + " of another datasource, which MongoDB cannot join: filter, sort or count"
                            + " in two calls instead");
        }
        if (link.shape() == RelationLink.Shape.JOIN_TABLE || link.parentKey().size() != 1) {
            throw new InvalidQueryException(parent.name(), List.of(parent.field(link.relation().field()).name()),
                    "Relation " + parent.name() + "." + parent.field(link.relation().field()).name() + " has a"
                            + " compound key or no key on either side, which the MongoDB adapter cannot join");
        }
        String local = parent.field(link.parentKey().get(0)).dbName();
        String foreign = target.field(link.targetKey().get(0)).dbName();
        BsonDocument lookup = new BsonDocument("from", new BsonString(target.dbName()));
        if (pipeline.isEmpty()) {
            lookup.append("localField", new BsonString(local)).append("foreignField", new BsonString(foreign));
        } else {
            // the form every server version reads: the key passed in with let, matched with $expr
            boolean localList = parent.field(link.parentKey().get(0)).isList();
            BsonDocument matches = localList
                    ? new BsonDocument("$in", new BsonArray(List.of(new BsonString("$" + foreign),
                            new BsonDocument("$ifNull", new BsonArray(List.of(new BsonString("$$key"), new BsonArray()))))))
                    : new BsonDocument("$eq", new BsonArray(List.of(new BsonString("$" + foreign),
                            new BsonString("$$key"))));
            List<BsonValue> stages = new ArrayList<>();
            stages.add(new BsonDocument("$match", new BsonDocument("$expr", matches)));
            stages.addAll(pipeline);
            lookup.append("let", new BsonDocument("key", new BsonString("$" + local)))
                    .append("pipeline", new BsonArray(stages));
        }
        lookup.append("as", new BsonString(as));
        return new BsonDocument("$lookup", lookup);
    }
}
