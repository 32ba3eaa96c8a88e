package dev.refract.client;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.RelationLink;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.spi.Row;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Resolves the relation filters ({@link Filter.Related}) whose relation crosses datasources before an
 * operation reaches its model's adapter, which no single query of one database could answer.
 *
 * <p>Each such condition costs one look-up on the related model's datasource: a read of the related
 * records that match the nested filter, distinct and streamed, of their link-key fields only. The
 * condition is then replaced by one on the parent's own link fields:
 * <ul>
 *   <li>{@code some} and {@code is}: the parent's key is among the keys read ({@code in});</li>
 *   <li>{@code none} and {@code isNot}: it is not, or the parent's key holds no value ({@code notIn});</li>
 *   <li>{@code every}: none of the related records that do <em>not</em> match the nested filter, so a
 *       parent without related records matches.</li>
 * </ul>
 * A compound link key becomes an {@code OR} of {@code AND}s of equalities. Conditions on relations
 * across datasources inside the nested filter are resolved first (depth first), so chains of any
 * length work; conditions inside {@code AND}, {@code OR} and {@code NOT}, inside same-datasource
 * relation filters, in the wheres of included relations and of relation counts are resolved too.
 *
 * <p>The keys of one look-up are held in memory; more than the client's
 * {@link ClientOptions#crossDatasourceKeyLimit() limit} fail the call with
 * {@link InvalidQueryException}. Look-ups run on the related datasource's adapter, outside any
 * transaction, so inside a transaction they are not part of its snapshot.
 *
 * <p>The rewritten conditions are plain comparisons ({@code in}, {@code notIn}, {@code equals},
 * {@code isNull}) that every adapter evaluates, Redis by scan included.
 */
final class CrossDatasourceFilters {

    private final SchemaMeta schema;
    private final int keyLimit;
    /** Streams the rows of a key look-up from the look-up model's datasource. */
    private final Function<Operation.FindMany, Flux<Row>> lookups;
    /** False when the schema relates no models across datasources, so that nothing is ever walked. */
    private final boolean crossing;

    /**
     * @param schema   the client's schema
     * @param keyLimit how many distinct keys one look-up may read
     * @param lookups  runs a key look-up on the datasource of its model
     */
    CrossDatasourceFilters(SchemaMeta schema, int keyLimit, Function<Operation.FindMany, Flux<Row>> lookups) {
        this.schema = schema;
        this.keyLimit = keyLimit;
        this.lookups = lookups;
        this.crossing = schema.models().stream()
                .anyMatch(model -> model.relations().stream().anyMatch(RelationMeta::crossDatasource));
    }

    /** True when {@code operation} holds a condition on a relation across datasources, anywhere. */
    boolean applies(Operation operation) {
        if (!crossing) {
            return false;
        }
        int model = operation.model();
        if (operation instanceof Operation.FindUnique find) {
            return crosses(model, find.where()) || crosses(model, find.selection());
        }
        if (operation instanceof Operation.FindFirst find) {
            return crosses(model, find.query());
        }
        if (operation instanceof Operation.FindMany find) {
            return crosses(model, find.query());
        }
        if (operation instanceof Operation.Count count) {
            return crosses(model, count.query().where());
        }
        if (operation instanceof Operation.Aggregate aggregate) {
            return crosses(model, aggregate.query().where());
        }
        if (operation instanceof Operation.GroupBy group) {
            return crosses(model, group.where());
        }
        if (operation instanceof Operation.Create create) {
            return crosses(model, create.selection());
        }
        if (operation instanceof Operation.CreateManyAndReturn create) {
            return crosses(model, create.selection());
        }
        if (operation instanceof Operation.Update update) {
            return crosses(model, update.where()) || crosses(model, update.selection());
        }
        if (operation instanceof Operation.UpdateMany update) {
            return crosses(model, update.where());
        }
        if (operation instanceof Operation.UpdateManyAndReturn update) {
            return crosses(model, update.where()) || crosses(model, update.selection());
        }
        if (operation instanceof Operation.Upsert upsert) {
            return crosses(model, upsert.where()) || crosses(model, upsert.selection());
        }
        if (operation instanceof Operation.Delete delete) {
            return crosses(model, delete.where()) || crosses(model, delete.selection());
        }
        if (operation instanceof Operation.DeleteMany delete) {
            return crosses(model, delete.where());
        }
        return false;
    }

    /**
     * {@code operation} with every condition on a relation across datasources replaced by one on the
     * parent's link fields; cold, one look-up per such condition at each subscription.
     */
    Mono<Operation> resolve(Operation operation) {
        int model = operation.model();
        if (operation instanceof Operation.FindUnique find) {
            return Mono.zip(filter(model, find.where()), selection(model, find.selection()))
                    .map(both -> new Operation.FindUnique(model, both.getT1(), both.getT2(), find.cache()));
        }
        if (operation instanceof Operation.FindFirst find) {
            return query(model, find.query()).map(query -> new Operation.FindFirst(model, query));
        }
        if (operation instanceof Operation.FindMany find) {
            return query(model, find.query()).map(query -> new Operation.FindMany(model, query));
        }
        if (operation instanceof Operation.Count count) {
            return query(model, count.query()).map(query -> new Operation.Count(model, query));
        }
        if (operation instanceof Operation.Aggregate aggregate) {
            return query(model, aggregate.query())
                    .map(query -> new Operation.Aggregate(model, query, aggregate.aggregations()));
        }
        if (operation instanceof Operation.GroupBy group) {
            return filter(model, group.where()).map(where -> new Operation.GroupBy(model, group.by(), where,
                    group.having(), group.orderBy(), group.skip(), group.take(), group.aggregations()));
        }
        if (operation instanceof Operation.Create create) {
            return selection(model, create.selection())
                    .map(selection -> new Operation.Create(model, create.data(), selection));
        }
        if (operation instanceof Operation.CreateManyAndReturn create) {
            return selection(model, create.selection()).map(selection -> new Operation.CreateManyAndReturn(model,
                    create.data(), create.skipDuplicates(), selection));
        }
        if (operation instanceof Operation.Update update) {
            return Mono.zip(filter(model, update.where()), selection(model, update.selection()))
                    .map(both -> new Operation.Update(model, both.getT1(), update.data(), both.getT2()));
        }
        if (operation instanceof Operation.UpdateMany update) {
            return filter(model, update.where()).map(where -> new Operation.UpdateMany(model, where, update.data()));
        }
        if (operation instanceof Operation.UpdateManyAndReturn update) {
            return Mono.zip(filter(model, update.where()), selection(model, update.selection()))
                    .map(both -> new Operation.UpdateManyAndReturn(model, both.getT1(), update.data(), both.getT2()));
        }
        if (operation instanceof Operation.Upsert upsert) {
            return Mono.zip(filter(model, upsert.where()), selection(model, upsert.selection()))
                    .map(both -> new Operation.Upsert(model, both.getT1(), upsert.create(), upsert.update(),
                            both.getT2()));
        }
        if (operation instanceof Operation.Delete delete) {
            return Mono.zip(filter(model, delete.where()), selection(model, delete.selection()))
                    .map(both -> new Operation.Delete(model, both.getT1(), both.getT2()));
        }
        if (operation instanceof Operation.DeleteMany delete) {
            return filter(model, delete.where()).map(where -> new Operation.DeleteMany(model, where));
        }
        return Mono.just(operation);
    }

    /** {@code filter}, a filter of {@code model}, with its conditions across datasources resolved. */
    Mono<Filter> filter(int model, Filter filter) {
        if (!crosses(model, filter)) {
            return Mono.just(filter);
        }
        if (filter instanceof Filter.And and) {
            return filters(model, and.filters()).map(Filter.And::new);
        }
        if (filter instanceof Filter.Or or) {
            return filters(model, or.filters()).map(Filter.Or::new);
        }
        if (filter instanceof Filter.Not not) {
            return filter(model, not.filter()).map(Filter.Not::new);
        }
        Filter.Related related = (Filter.Related) filter;
        RelationMeta relation = relation(model, related.field());
        Mono<Filter> nested = filter(relation.targetModel(), related.filter());
        if (!relation.crossDatasource()) {
            return nested.map(resolved -> new Filter.Related(related.field(), related.quantifier(), resolved));
        }
        RelationLink link = RelationLink.of(schema, model, related.field());
        checkQuantifier(link, related.quantifier());
        return nested.flatMap(resolved -> {
            boolean every = related.quantifier() == Filter.Quantifier.EVERY;
            Operation.FindMany lookup = lookup(link, every ? new Filter.Not(resolved) : resolved);
            return keys(link, lookup).map(keys -> keyCondition(link, matches(related.quantifier()), keys));
        });
    }

    private Mono<List<Filter>> filters(int model, List<Filter> filters) {
        return Flux.fromIterable(filters).concatMap(part -> filter(model, part)).collectList();
    }

    private Mono<Query> query(int model, Query query) {
        if (!crosses(model, query.where()) && !crosses(model, query.selection())) {
            return Mono.just(query);
        }
        return Mono.zip(filter(model, query.where()), selection(model, query.selection()))
                .map(both -> new Query(both.getT1(), query.orderBy(), query.skip(), query.take(), query.cursor(),
                        query.distinct(), both.getT2()));
    }

    private Mono<Selection> selection(int model, Selection selection) {
        if (!crosses(model, selection)) {
            return Mono.just(selection);
        }
        Mono<List<Selection.Include>> includes = Flux.fromIterable(selection.includes())
                .concatMap(include -> {
                    RelationMeta relation = relation(model, include.field());
                    return relation == null ? Mono.just(include) : query(relation.targetModel(), include.query())
                            .map(query -> new Selection.Include(include.field(), query));
                })
                .collectList();
        Mono<List<Selection.RelationCount>> counts = Flux.fromIterable(selection.counts())
                .concatMap(count -> {
                    RelationMeta relation = relation(model, count.field());
                    return relation == null ? Mono.just(count) : filter(relation.targetModel(), count.where())
                            .map(where -> new Selection.RelationCount(count.field(), where));
                })
                .collectList();
        return Mono.zip(includes, counts).map(both -> new Selection(selection.fields(), both.getT1(), both.getT2()));
    }

    /** True when {@code filter} of {@code model} holds a condition on a relation across datasources. */
    private boolean crosses(int model, Filter filter) {
        if (filter instanceof Filter.And and) {
            return and.filters().stream().anyMatch(part -> crosses(model, part));
        }
        if (filter instanceof Filter.Or or) {
            return or.filters().stream().anyMatch(part -> crosses(model, part));
        }
        if (filter instanceof Filter.Not not) {
            return crosses(model, not.filter());
        }
        if (filter instanceof Filter.Related related) {
            RelationMeta relation = relation(model, related.field());
            return relation != null
                    && (relation.crossDatasource() || crosses(relation.targetModel(), related.filter()));
        }
        return false;
    }

    /**
     * The relation of field {@code field} of {@code model}, or {@code null} when it is none: such a
     * filter or include is left to the adapter or the include loader, which refuse it clearly.
     */
    private RelationMeta relation(int model, int field) {
        for (RelationMeta relation : schema.model(model).relations()) {
            if (relation.field() == field) {
                return relation;
            }
        }
        return null;
    }

    private boolean crosses(int model, Query query) {
        return crosses(model, query.where()) || crosses(model, query.selection());
    }

    private boolean crosses(int model, Selection selection) {
        if (selection.includes().isEmpty() && selection.counts().isEmpty()) {
            return false;
        }
        for (Selection.Include include : selection.includes()) {
            RelationMeta relation = relation(model, include.field());
            if (relation != null && crosses(relation.targetModel(), include.query())) {
                return true;
            }
        }
        for (Selection.RelationCount count : selection.counts()) {
            RelationMeta relation = relation(model, count.field());
            if (relation != null && crosses(relation.targetModel(), count.where())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The look-up of the link keys of {@code link}'s target records that match {@code matching}: only
     * the key fields, distinct, in no order.
     */
    static Operation.FindMany lookup(RelationLink link, Filter matching) {
        List<Integer> key = link.targetKey();
        return new Operation.FindMany(link.target().index(),
                new Query(matching, List.of(), 0, null, null, key, new Selection(key, List.of(), List.of())));
    }

    /** Reads the distinct, non-null keys {@code lookup} finds, failing past the limit. */
    private Mono<List<Object>> keys(RelationLink link, Operation.FindMany lookup) {
        return lookups.apply(lookup)
                .reduceWith(LinkedHashSet::new, (Set<Object> keys, Row row) -> {
                    Object key = link.targetKeyOf(row::get);
                    if (key != null && keys.add(key) && keys.size() > keyLimit) {
                        throw tooManyKeys(link, keys.size(), keyLimit);
                    }
                    return keys;
                })
                .map(List::copyOf);
    }

    /**
     * The condition on the parent's link fields that replaces a relation filter over {@code link}: the
     * parent's key is among {@code keys} when {@code among} is true, else it is not (or it holds no
     * value). Pure: filters in, filters out.
     *
     * @param keys the distinct link keys read, each a value or, for a compound key, a {@code List}
     */
    static Filter keyCondition(RelationLink link, boolean among, List<Object> keys) {
        List<Integer> fields = link.parentKey();
        Filter in;
        if (keys.isEmpty()) {
            in = new Filter.Or(List.of());
        } else if (fields.size() == 1) {
            in = new Filter.Comparison(fields.get(0), Filter.Operator.IN, keys, Filter.Mode.DEFAULT);
        } else {
            List<Filter> alternatives = new ArrayList<>(keys.size());
            for (Object key : keys) {
                List<?> parts = (List<?>) key;
                List<Filter> equalities = new ArrayList<>(fields.size());
                for (int i = 0; i < fields.size(); i++) {
                    equalities.add(new Filter.Comparison(fields.get(i), Filter.Operator.EQUALS, parts.get(i),
                            Filter.Mode.DEFAULT));
                }
                alternatives.add(new Filter.And(equalities));
            }
            in = new Filter.Or(alternatives);
        }
        if (among) {
            return in;
        }
        if (keys.isEmpty()) {
            return Filter.ALL;
        }
        Filter notIn = fields.size() == 1
                ? new Filter.Comparison(fields.get(0), Filter.Operator.NOT_IN, keys, Filter.Mode.DEFAULT)
                : new Filter.Not(in);
        // A parent whose key holds no value has no related record; a comparison with it matches nothing.
        List<Filter> unset = new ArrayList<>();
        for (int field : fields) {
            if (link.parent().field(field).isOptional()) {
                unset.add(new Filter.IsNull(field, true));
            }
        }
        if (unset.isEmpty()) {
            return notIn;
        }
        unset.add(notIn);
        return new Filter.Or(unset);
    }

    /** True for the quantifiers that keep the parents whose key is among the keys read. */
    static boolean matches(Filter.Quantifier quantifier) {
        return quantifier == Filter.Quantifier.SOME || quantifier == Filter.Quantifier.IS;
    }

    private static void checkQuantifier(RelationLink link, Filter.Quantifier quantifier) {
        String relation = link.parent().name() + "." + link.parent().field(link.relation().field()).name();
        if (quantifier.toMany() != link.toMany()) {
            throw new InvalidQueryException(link.parent().name(), List.of(link.parent().field(link.relation().field())
                    .name()), "The filter on relation " + relation + " uses " + quantifier + ", which belongs to "
                    + (quantifier.toMany() ? "to-many" : "to-one") + " relations: use "
                    + (link.toMany() ? "some, every or none" : "is or isNot"));
        }
        for (int field : link.parentKey()) {
            checkSingleValued(link, relation, link.parent().field(field));
        }
        for (int field : link.targetKey()) {
            checkSingleValued(link, relation, link.target().field(field));
        }
    }

    private static void checkSingleValued(RelationLink link, String relation, FieldMeta field) {
        if (field.isList()) {
            throw new InvalidQueryException(link.parent().name(), List.of(link.parent().field(link.relation().field())
                    .name()), "Relation " + relation + " links through list field " + field.name() + ", which a"
                    + " filter across datasources cannot match key by key: read the " + link.target().name()
                    + " records first and filter on their keys with hasSome(...)");
        }
    }

    private static InvalidQueryException tooManyKeys(RelationLink link, int found, int limit) {
        String field = link.parent().field(link.relation().field()).name();
        return new InvalidQueryException(link.parent().name(), List.of(field), "The filter on relation "
                + link.parent().name() + "." + field + " reaches " + link.target().name() + " in another datasource,"
                + " and the look-up of the matching " + link.target().name() + " records found " + found
                + " link keys or more, over the limit of " + limit + " held in memory: narrow the conditions on "
                + link.target().name() + ", query " + link.target().name() + " and follow the relation the other"
                + " way, or raise the limit with crossDatasourceKeyLimit(...) on the client builder");
    }
}
