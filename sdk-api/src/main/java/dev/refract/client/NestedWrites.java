package dev.refract.client;

import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.InvalidQueryException;
import dev.refract.error.NullConstraintViolationException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.RefractException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.RelationLink;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.NestedWrite;
import dev.refract.query.WriteData.RelationWrite;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a create, update or upsert whose data reaches related records ({@link WriteData#relations()}),
 * to any depth, as plain operations inside one transaction of the written model's datasource: all of
 * it happens or none of it does.
 *
 * <p>Each record is written in three steps:
 * <ol>
 *   <li>the relations whose foreign key the record holds (to-one): the target is created, found or
 *       updated first, and the record's foreign-key fields are set from it (or to {@code null} on
 *       disconnect and delete);</li>
 *   <li>the record itself, with its scalar values and those foreign keys; an update with nothing of
 *       its own to write is only read, so its {@code @updatedAt} stays;</li>
 *   <li>the relations whose key is on the other side or in a join table, with the record's link key:
 *       nested creates get their foreign key from it, connect and disconnect move the other
 *       records' foreign keys, and update, delete and their {@code many} forms reach only the
 *       records related to it. Implicit many-to-many relations use {@link Operation.Link} and
 *       {@link Operation.Unlink}, which also tells which records were related.</li>
 * </ol>
 * Within a relation the writes run in the order given. Every statement gets the client-side values
 * of {@link WriteDefaults}, all with the instant read once per run. At the end the record is read
 * back by its id with the caller's selection, in the same transaction.
 *
 * <p>Errors: {@link RecordNotFoundException} when a connect names no record or a nested update,
 * upsert or delete names no related one; {@link InvalidQueryException} for writes the schema
 * forbids (see {@link NestedWriteRules}), before anything runs, and when a write would leave a
 * record without a required relation. Either rolls the whole write back.
 */
final class NestedWrites {

    private final SchemaMeta schema;
    private final Router router;
    private final WriteDefaults defaults;
    private final NestedWriteRules rules;
    private final IncludeLoader includes;

    NestedWrites(SchemaMeta schema, Router router, WriteDefaults defaults, IncludeLoader includes) {
        this.schema = schema;
        this.router = router;
        this.defaults = defaults;
        this.rules = new NestedWriteRules(schema);
        this.includes = includes;
    }

    /** True when {@code operation} is a create, update or upsert with nested writes, which this class runs. */
    static boolean applies(Operation operation) {
        return NestedWriteRules.applies(operation);
    }

    /**
     * Runs {@code operation} in one transaction and emits the written record as the operation would
     * without nested writes: a result of one row, read back after every write.
     */
    Mono<Result> execute(Operation operation) {
        rules.check(operation);
        ModelMeta model = schema.model(operation.model());
        return router.route(operation.model()).adapter(model.name()).flatMap(adapter -> {
            if (!adapter.capabilities().transactions()) {
                return Mono.error(new InvalidQueryException(model.name(), List.of(), "A nested write on "
                        + model.name() + " runs in one transaction, and the adapter of datasource '"
                        + schema.datasource(model.datasource()).name() + "' has none: write the related records"
                        + " one by one instead"));
            }
            return adapter.inTransaction(tx -> new Run(tx, defaults.now()).run(operation)).single();
        });
    }

    /**
     * Runs {@code operation} on {@code transaction}, the executor of a transaction already under way
     * (a client transaction), which it joins rather than opening its own; otherwise as
     * {@link #execute(Operation)}.
     */
    Mono<Result> execute(Executor transaction, Operation operation) {
        return Mono.defer(() -> {
            rules.check(operation);
            return new Run(transaction, defaults.now()).run(operation);
        });
    }

    /**
     * Reads the record a nested write wrote, by its id, with the caller's selection and its includes,
     * on the transaction's executor, so the result shows every write of the transaction.
     */
    Mono<Result> readBack(Executor tx, ModelMeta model, Row written, Selection selection) {
        Operation read = new Operation.FindUnique(model.index(), idEquals(model, written), selection);
        return IncludeLoader.hasIncludes(read) ? includes.execute(tx, read) : tx.execute(read);
    }

    /** One nested write being run: its transaction and its instant. */
    private final class Run {

        private final Executor tx;
        private final Instant now;

        Run(Executor tx, Instant now) {
            this.tx = tx;
            this.now = now;
        }

        Mono<Result> run(Operation operation) {
            ModelMeta model = schema.model(operation.model());
            Mono<Row> written;
            Selection selection;
            if (operation instanceof Operation.Create create) {
                written = create(model, create.data(), List.of());
                selection = create.selection();
            } else if (operation instanceof Operation.Update update) {
                written = update(model, update.where(), update.data(), List.of(), null);
                selection = update.selection();
            } else {
                Operation.Upsert upsert = (Operation.Upsert) operation;
                written = find(model, upsert.where(), keys(model, List.of(), List.of()))
                        .flatMap(found -> found.isPresent()
                                ? update(model, upsert.where(), upsert.update(), List.of(), null)
                                : create(model, upsert.create(), List.of()));
                selection = upsert.selection();
            }
            return written.flatMap(row -> readBack(tx, model, row, selection));
        }

        // ---------------------------------------------------------------------------------- records

        /**
         * Creates a record with its nested writes; emits its row holding its id, the link keys of
         * its relations and {@code extra} fields.
         */
        Mono<Row> create(ModelMeta model, WriteData data, List<Integer> extra) {
            List<RelationWrite> here = new ArrayList<>();
            List<RelationWrite> there = new ArrayList<>();
            split(model, data, here, there);
            Pending pending = new Pending();
            Selection selection = keys(model, there, extra);
            return foreignKeys(model, here, null, pending)
                    .then(Mono.defer(() -> single(tx.execute(defaults.apply(new Operation.Create(model.index(),
                            new WriteData(pending.applyTo(data).writes()), selection), now)), model)))
                    .flatMap(row -> related(model, there, row, false).thenReturn(row));
        }

        /**
         * Updates the record {@code where} names with its nested writes; emits its row as
         * {@link #create} does. {@code missing} is the error when there is no such record, or
         * {@code null} for the adapter's own.
         */
        Mono<Row> update(ModelMeta model, Filter where, WriteData data, List<Integer> extra,
                Supplier<RefractException> missing) {
            List<RelationWrite> here = new ArrayList<>();
            List<RelationWrite> there = new ArrayList<>();
            split(model, data, here, there);
            List<Integer> fields = new ArrayList<>(extra);
            for (RelationWrite relation : here) {
                fields.addAll(rules.link(model.index(), relation.field()).parentKey());
            }
            Selection selection = keys(model, there, fields);
            if (here.isEmpty()) {
                return write(model, where, data, selection, null, missing)
                        .flatMap(row -> related(model, there, row, true).thenReturn(row));
            }
            return existing(model, where, selection, missing).flatMap(current -> {
                Pending pending = new Pending();
                return foreignKeys(model, here, current, pending)
                        .then(Mono.defer(() -> write(model, idEquals(model, current), pending.applyTo(data),
                                selection, current, missing)))
                        .flatMap(row -> Flux.concat(pending.afterWrite).then(related(model, there, row, true))
                                .thenReturn(row));
            });
        }

        /** The update of the record's own fields; a read when it has none to write. */
        private Mono<Row> write(ModelMeta model, Filter where, WriteData data, Selection selection, Row current,
                Supplier<RefractException> missing) {
            if (data.writes().isEmpty()) {
                return current != null ? Mono.just(current) : existing(model, where, selection, missing);
            }
            Mono<Result> updated = tx.execute(defaults.apply(new Operation.Update(model.index(), where,
                    new WriteData(data.writes()), selection), now));
            if (missing != null) {
                updated = updated.onErrorMap(RecordNotFoundException.class, e -> missing.get());
            }
            return single(updated, model);
        }

        private Mono<Row> existing(ModelMeta model, Filter where, Selection selection,
                Supplier<RefractException> missing) {
            return find(model, where, selection).flatMap(found -> found.map(Mono::just).orElseGet(() ->
                    Mono.error(missing != null ? missing.get() : new RecordNotFoundException(model.name(), List.of(),
                            "No " + model.name() + " matches the where of this update: check the unique values (and"
                                    + " any extra conditions) it names", null))));
        }

        /** The relations whose foreign key the record holds, in order, deciding its foreign-key values. */
        private Mono<Void> foreignKeys(ModelMeta model, List<RelationWrite> here, Row current, Pending pending) {
            return Flux.fromIterable(here).concatMap(relation -> {
                RelationLink link = rules.link(model.index(), relation.field());
                // deferred: each write reads the foreign key the writes before it decided
                return Flux.fromIterable(relation.writes())
                        .concatMap(write -> Mono.defer(() -> foreignKey(link, write, current, pending)))
                        .onErrorMap(error -> throughRelation(link, error));
            }).then();
        }

        /** The relations whose key is on the other side or in a join table, in order, for the written record. */
        private Mono<Void> related(ModelMeta model, List<RelationWrite> there, Row parent, boolean updating) {
            return Flux.fromIterable(there).concatMap(relation -> {
                RelationLink link = rules.link(model.index(), relation.field());
                Object key = link.parentKeyOf(parent::get);
                if (key == null) {
                    return Mono.error(new InvalidQueryException(model.name(), List.of(), "The " + model.name()
                            + " written holds no value in the fields " + NestedWriteRules.relation(link)
                            + " links by, so no record can relate to it: give them values"));
                }
                return Flux.fromIterable(relation.writes()).concatMap(write ->
                        link.shape() == RelationLink.Shape.JOIN_TABLE
                                ? new JoinTableWrites(link, key).write(write)
                                : new ForeignKeyThereWrites(link, key, updating).write(write))
                        .onErrorMap(error -> throughRelation(link, error));
            }).then();
        }

        // -------------------------------------------------------------- foreign key on the record

        private Mono<Void> foreignKey(RelationLink link, NestedWrite write, Row current, Pending pending) {
            ModelMeta target = link.target();
            if (write instanceof NestedWrite.Create create) {
                return createTarget(link, create.data().get(0), pending);
            }
            if (write instanceof NestedWrite.Connect connect) {
                return find(target, connect.where().get(0), fields(target, link.targetKey()))
                        .flatMap(found -> found.isPresent()
                                ? connectTarget(link, found.get(), current, pending)
                                : Mono.error(connectMissing(link)));
            }
            if (write instanceof NestedWrite.ConnectOrCreate connectOrCreate) {
                return find(target, connectOrCreate.where(), fields(target, link.targetKey()))
                        .flatMap(found -> found.isPresent()
                                ? connectTarget(link, found.get(), current, pending)
                                : createTarget(link, connectOrCreate.create(), pending));
            }
            Object key = pending.key(link.parentKey(), current);
            if (write instanceof NestedWrite.Disconnect disconnect) {
                Filter where = disconnect.where().get(0);
                if (key == null) {
                    return Mono.empty();
                }
                if (isAll(where)) {
                    pending.set(link.parentKey(), null);
                    return Mono.empty();
                }
                return find(target, and(keyEquals(link.targetKey(), key), where), fields(target, link.targetKey()))
                        .doOnNext(found -> found.ifPresent(row -> pending.set(link.parentKey(), null))).then();
            }
            if (write instanceof NestedWrite.Update update) {
                if (key == null) {
                    return Mono.error(notRelated(link, write));
                }
                return update(target, and(keyEquals(link.targetKey(), key), update.where()), update.data(), List.of(),
                        () -> notRelated(link, write)).then();
            }
            if (write instanceof NestedWrite.Upsert upsert) {
                if (key == null) {
                    return createTarget(link, upsert.create(), pending);
                }
                Filter related = and(keyEquals(link.targetKey(), key), upsert.where());
                return find(target, related, keys(target, List.of(), List.of())).flatMap(found -> found.isPresent()
                        ? update(target, idEquals(target, found.get()), upsert.update(), List.of(), null).then()
                        : createTarget(link, upsert.create(), pending));
            }
            NestedWrite.Delete delete = (NestedWrite.Delete) write;
            if (key == null) {
                return Mono.error(notRelated(link, write));
            }
            pending.set(link.parentKey(), null);
            pending.afterWrite.add(tx.execute(new Operation.Delete(target.index(),
                            and(keyEquals(link.targetKey(), key), delete.where().get(0)), idSelection(target)))
                    .onErrorMap(RecordNotFoundException.class, e -> notRelated(link, write)).then());
            return Mono.empty();
        }

        private Mono<Void> createTarget(RelationLink link, WriteData data, Pending pending) {
            return create(link.target(), data, link.targetKey())
                    .doOnNext(row -> pending.set(link.parentKey(), link.targetKeyOf(row::get))).then();
        }

        /**
         * Points the record at {@code target}. In a one-to-one relation another record may point at
         * it already: it lets go (its key becomes {@code null}), or, when its key is required,
         * the write fails.
         */
        private Mono<Void> connectTarget(RelationLink link, Row target, Row current, Pending pending) {
            Object key = link.targetKeyOf(target::get);
            pending.set(link.parentKey(), key);
            if (link.target().relation(link.relation().oppositeField()).toMany()) {
                return Mono.empty();
            }
            ModelMeta model = link.parent();
            Filter holders = keyEquals(link.parentKey(), key);
            if (current != null) {
                holders = and(holders, new Filter.Not(idEquals(model, current)));
            }
            return letGo(link, model, holders, link.parentKey());
        }

        // ---------------------------------------------------------------------------- shared helpers

        /**
         * Sets to {@code null} the foreign key {@code fields} of the records of {@code holder}
         * matching {@code holders}, or fails when the relation is required and there is one.
         */
        private Mono<Void> letGo(RelationLink link, ModelMeta holder, Filter holders, List<Integer> fields) {
            if (NestedWriteRules.required(link)) {
                return find(holder, holders, idSelection(holder)).flatMap(found -> found.isPresent()
                        ? Mono.error(NestedWriteRules.requiredRelation(link, "relating another record"))
                        : Mono.empty());
            }
            return tx.execute(defaults.apply(new Operation.UpdateMany(holder.index(), holders,
                    new WriteData(sets(fields, null))), now)).then();
        }

        Mono<Optional<Row>> find(ModelMeta model, Filter where, Selection selection) {
            Query query = new Query(where, List.of(), 0, 1, null, List.of(), selection);
            return tx.execute(new Operation.FindFirst(model.index(), query))
                    .map(result -> result.rows().isEmpty() ? Optional.empty() : Optional.of(result.rows().get(0)));
        }

        /** The target {@code where} names, for a connect; {@link RecordNotFoundException} when there is none. */
        private Mono<Row> resolve(RelationLink link, Filter where, Selection selection) {
            return find(link.target(), where, selection).flatMap(found -> found.isPresent()
                    ? Mono.just(found.get()) : Mono.error(connectMissing(link)));
        }

        // --------------------------------------------------------- foreign key on the related records

        /** The writes of a relation whose foreign key the related records hold. */
        private final class ForeignKeyThereWrites {

            private final RelationLink link;
            private final ModelMeta target;
            private final Filter related;
            private final List<FieldWrite> point;
            private final boolean updating;

            ForeignKeyThereWrites(RelationLink link, Object key, boolean updating) {
                this.link = link;
                this.target = link.target();
                this.related = keyEquals(link.targetKey(), key);
                this.point = sets(link.targetKey(), key);
                this.updating = updating;
            }

            Mono<Void> write(NestedWrite write) {
                if (write instanceof NestedWrite.Create create) {
                    return Flux.fromIterable(create.data()).concatMap(data -> (updating ? replaced(null) : Mono.<Void>empty())
                            .then(create(target, with(data, point), List.of()))).then();
                }
                if (write instanceof NestedWrite.CreateMany many) {
                    List<WriteData> rows = new ArrayList<>(many.data().size());
                    for (WriteData data : many.data()) {
                        rows.add(with(data, point));
                    }
                    return tx.execute(defaults.apply(new Operation.CreateMany(target.index(), rows,
                            many.skipDuplicates()), now)).then();
                }
                if (write instanceof NestedWrite.Connect connect) {
                    return Flux.fromIterable(connect.where()).concatMap(this::connect).then();
                }
                if (write instanceof NestedWrite.ConnectOrCreate connectOrCreate) {
                    return find(target, connectOrCreate.where(), idSelection(target)).flatMap(found -> found.isPresent()
                            ? connect(connectOrCreate.where())
                            : replaced(null).then(create(target, with(connectOrCreate.create(), point), List.of()).then()));
                }
                if (write instanceof NestedWrite.Set set) {
                    return updateMany(related, sets(link.targetKey(), null))
                            .then(Flux.fromIterable(set.where()).concatMap(this::connect).then());
                }
                if (write instanceof NestedWrite.Disconnect disconnect) {
                    return disconnect.where().isEmpty() ? Mono.empty()
                            : updateMany(and(related, any(disconnect.where())), sets(link.targetKey(), null));
                }
                if (write instanceof NestedWrite.Update update) {
                    return update(target, and(update.where(), related), update.data(), List.of(),
                            () -> notRelated(link, write)).then();
                }
                if (write instanceof NestedWrite.UpdateMany many) {
                    return updateMany(and(many.where(), related), many.data().writes());
                }
                if (write instanceof NestedWrite.Upsert upsert) {
                    return find(target, and(upsert.where(), related), idSelection(target)).flatMap(found ->
                            found.isPresent()
                                    ? update(target, idEquals(target, found.get()), upsert.update(), List.of(), null).then()
                                    : replaced(null).then(create(target, with(upsert.create(), point), List.of()).then()));
                }
                if (write instanceof NestedWrite.Delete delete) {
                    return Flux.fromIterable(delete.where()).concatMap(where -> tx.execute(new Operation.Delete(
                                    target.index(), and(where, related), idSelection(target)))
                            .onErrorMap(RecordNotFoundException.class, e -> notRelated(link, write))).then();
                }
                NestedWrite.DeleteMany many = (NestedWrite.DeleteMany) write;
                return tx.execute(new Operation.DeleteMany(target.index(), and(many.where(), related))).then();
            }

            /** Points the record {@code where} names at the parent; fails when there is none. */
            private Mono<Void> connect(Filter where) {
                return replaced(where).then(tx.execute(defaults.apply(new Operation.Update(target.index(), where,
                                new WriteData(point), idSelection(target)), now))
                        .onErrorMap(RecordNotFoundException.class, e -> connectMissing(link)).then());
            }

            /**
             * In a one-to-one relation, the record related so far (other than the one {@code keep}
             * names) lets go of the parent before another takes its place.
             */
            private Mono<Void> replaced(Filter keep) {
                if (link.toMany()) {
                    return Mono.empty();
                }
                Filter holders = keep == null ? related : and(related, new Filter.Not(keep));
                return letGo(link, target, holders, link.targetKey());
            }

            private Mono<Void> updateMany(Filter where, List<FieldWrite> writes) {
                return tx.execute(defaults.apply(new Operation.UpdateMany(target.index(), where,
                        new WriteData(writes)), now)).then();
            }
        }

        // ---------------------------------------------------------------------------- join tables

        /** The writes of an implicit many-to-many relation, through its join table. */
        private final class JoinTableWrites {

            private final RelationLink link;
            private final ModelMeta target;
            private final Object key;
            private final int targetId;

            JoinTableWrites(RelationLink link, Object key) {
                this.link = link;
                this.target = link.target();
                this.key = key;
                this.targetId = link.targetKey().get(0);
            }

            Mono<Void> write(NestedWrite write) {
                Selection ids = idSelection(target);
                if (write instanceof NestedWrite.Create create) {
                    return Flux.fromIterable(create.data())
                            .concatMap(data -> create(target, data, List.of()).map(this::id))
                            .collectList().flatMap(this::link);
                }
                if (write instanceof NestedWrite.CreateMany many) {
                    return tx.execute(defaults.apply(new Operation.CreateManyAndReturn(target.index(), many.data(),
                            many.skipDuplicates(), ids), now)).flatMap(result -> link(ids(result.rows())));
                }
                if (write instanceof NestedWrite.Connect connect) {
                    return Flux.fromIterable(connect.where()).concatMap(where -> resolve(link, where, ids))
                            .map(this::id).collectList().flatMap(this::link);
                }
                if (write instanceof NestedWrite.ConnectOrCreate connectOrCreate) {
                    return find(target, connectOrCreate.where(), ids).flatMap(found -> found.isPresent()
                            ? Mono.just(found.get()) : create(target, connectOrCreate.create(), List.of()))
                            .flatMap(row -> link(List.of(id(row))));
                }
                if (write instanceof NestedWrite.Set set) {
                    return Flux.fromIterable(set.where()).concatMap(where -> resolve(link, where, ids))
                            .map(this::id).collectList()
                            .flatMap(linked -> unlink(Filter.ALL).then(link(linked)));
                }
                if (write instanceof NestedWrite.Disconnect disconnect) {
                    return disconnect.where().isEmpty() ? Mono.empty() : unlink(any(disconnect.where())).then();
                }
                if (write instanceof NestedWrite.Update update) {
                    return related(update.where(), write).flatMap(id ->
                            update(target, idIs(id), update.data(), List.of(), null)).then();
                }
                if (write instanceof NestedWrite.UpdateMany many) {
                    return unlink(many.where()).flatMap(unlinked -> unlinked.isEmpty() ? Mono.empty()
                            : link(unlinked).then(tx.execute(defaults.apply(new Operation.UpdateMany(target.index(),
                                    idIn(unlinked), new WriteData(many.data().writes())), now)).then()));
                }
                if (write instanceof NestedWrite.Upsert upsert) {
                    return unlink(upsert.where()).flatMap(unlinked -> unlinked.isEmpty()
                            ? create(target, upsert.create(), List.of()).flatMap(row -> link(List.of(id(row))))
                            : link(unlinked).then(update(target, idIs(unlinked.get(0)), upsert.update(), List.of(),
                                    null)).then());
                }
                if (write instanceof NestedWrite.Delete delete) {
                    return Flux.fromIterable(delete.where()).concatMap(where -> unlink(where).flatMap(unlinked ->
                            unlinked.isEmpty() ? Mono.error(notRelated(link, write))
                                    : tx.execute(new Operation.Delete(target.index(), idIs(unlinked.get(0)), ids))))
                            .then();
                }
                NestedWrite.DeleteMany many = (NestedWrite.DeleteMany) write;
                return unlink(many.where()).flatMap(unlinked -> unlinked.isEmpty() ? Mono.empty()
                        : tx.execute(new Operation.DeleteMany(target.index(), idIn(unlinked))).then());
            }

            /**
             * The id of the related record {@code where} names: unlinked to learn whether it is
             * related, and linked again at once.
             */
            private Mono<Object> related(Filter where, NestedWrite write) {
                return unlink(where).flatMap(unlinked -> unlinked.isEmpty() ? Mono.error(notRelated(link, write))
                        : link(unlinked).thenReturn(unlinked.get(0)));
            }

            /** Unlinks the related records matching {@code where}; emits their ids. */
            private Mono<List<Object>> unlink(Filter where) {
                return tx.execute(new Operation.Unlink(link.parent().index(), link.relation().field(), key, where))
                        .flatMap(result -> {
                            if (result.rows().isEmpty() && result.count() > 0) {
                                return Mono.error(new InvalidQueryException(link.parent().name(), List.of(),
                                        "The adapter of datasource '" + schema.datasource(link.parent().datasource())
                                                .name() + "' does not tell which records it unlinked, so nested"
                                                + " writes through " + NestedWriteRules.relation(link)
                                                + " cannot find the related records"));
                            }
                            return Mono.just(ids(result.rows()));
                        });
            }

            private Mono<Void> link(List<Object> targets) {
                return targets.isEmpty() ? Mono.empty() : tx.execute(new Operation.Link(link.parent().index(),
                        link.relation().field(), key, targets)).then();
            }

            private Object id(Row row) {
                return row.get(targetId);
            }

            private List<Object> ids(List<Row> rows) {
                List<Object> ids = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    ids.add(id(row));
                }
                return ids;
            }

            private Filter idIs(Object id) {
                return new Filter.Comparison(targetId, Filter.Operator.EQUALS, id, Filter.Mode.DEFAULT);
            }

            private Filter idIn(List<Object> ids) {
                return new Filter.Comparison(targetId, Filter.Operator.IN, ids, Filter.Mode.DEFAULT);
            }
        }
    }

    // -------------------------------------------------------------------------------- pure helpers

    /**
     * The foreign-key values the relations a record holds decided for it, and the deletes of targets
     * it lets go of, which run once it no longer points at them.
     */
    private static final class Pending {

        private final Map<Integer, FieldWrite> writes = new TreeMap<>();
        private final List<Mono<Void>> afterWrite = new ArrayList<>();

        void set(List<Integer> fields, Object key) {
            for (FieldWrite write : sets(fields, key)) {
                writes.put(write.field(), write);
            }
        }

        /** The key {@code fields} hold now: as decided here, else as {@code current} stores it. */
        Object key(List<Integer> fields, Row current) {
            if (writes.containsKey(fields.get(0))) {
                return keyOf(fields, field -> writes.get(field).value());
            }
            return current == null ? null : keyOf(fields, current::get);
        }

        /** {@code data} with the decided foreign keys written over its own values, in field order. */
        WriteData applyTo(WriteData data) {
            return writes.isEmpty() ? data : with(data, List.copyOf(writes.values()));
        }
    }

    private static void split(ModelMeta model, WriteData data, List<RelationWrite> here, List<RelationWrite> there) {
        for (RelationWrite relation : data.relations()) {
            if (model.relation(relation.field()).holdsForeignKey()) {
                here.add(relation);
            } else {
                there.add(relation);
            }
        }
    }

    /** The id of the record and the keys its relations link by, plus {@code extra}. */
    private Selection keys(ModelMeta model, List<RelationWrite> relations, List<Integer> extra) {
        TreeSet<Integer> fields = new TreeSet<>(model.id().fields());
        fields.addAll(extra);
        for (RelationWrite relation : relations) {
            fields.addAll(rules.link(model.index(), relation.field()).parentKey());
        }
        return new Selection(List.copyOf(fields), List.of());
    }

    private static Selection fields(ModelMeta model, Collection<Integer> fields) {
        TreeSet<Integer> sorted = new TreeSet<>(model.id().fields());
        sorted.addAll(fields);
        return new Selection(List.copyOf(sorted), List.of());
    }

    private static Selection idSelection(ModelMeta model) {
        return new Selection(model.id().fields(), List.of());
    }

    private static Mono<Row> single(Mono<Result> result, ModelMeta model) {
        return result.flatMap(found -> found.rows().isEmpty()
                ? Mono.error(new IllegalStateException("The write of a " + model.name() + " returned no row"))
                : Mono.just(found.rows().get(0)));
    }

    /** The condition that the id fields hold the values of {@code row}. */
    static Filter idEquals(ModelMeta model, Row row) {
        List<Integer> id = model.id().fields();
        return keyEquals(id, keyOf(id, row::get));
    }

    /** The condition that {@code fields} hold {@code key}: one value, or a list for a compound key. */
    static Filter keyEquals(List<Integer> fields, Object key) {
        if (fields.size() == 1) {
            return new Filter.Comparison(fields.get(0), Filter.Operator.EQUALS, key, Filter.Mode.DEFAULT);
        }
        List<?> values = (List<?>) key;
        List<Filter> parts = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            parts.add(new Filter.Comparison(fields.get(i), Filter.Operator.EQUALS, values.get(i), Filter.Mode.DEFAULT));
        }
        return new Filter.And(parts);
    }

    /** Writes setting {@code fields} to {@code key}, or to {@code null} when it is. */
    static List<FieldWrite> sets(List<Integer> fields, Object key) {
        List<FieldWrite> writes = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            Object value = key == null ? null : fields.size() == 1 ? key : ((List<?>) key).get(i);
            writes.add(new FieldWrite(fields.get(i), WriteData.WriteOp.SET, value));
        }
        return writes;
    }

    private static Object keyOf(List<Integer> fields, java.util.function.IntFunction<Object> values) {
        if (fields.size() == 1) {
            return values.apply(fields.get(0));
        }
        List<Object> key = new ArrayList<>(fields.size());
        for (int field : fields) {
            Object value = values.apply(field);
            if (value == null) {
                return null;
            }
            key.add(value);
        }
        return List.copyOf(key);
    }

    /** {@code data} with {@code writes} in place of its own writes of the same fields, in field order. */
    static WriteData with(WriteData data, List<FieldWrite> writes) {
        Map<Integer, FieldWrite> merged = new TreeMap<>();
        for (FieldWrite write : data.writes()) {
            merged.put(write.field(), write);
        }
        for (FieldWrite write : writes) {
            merged.put(write.field(), write);
        }
        return new WriteData(List.copyOf(merged.values()), data.relations());
    }

    static boolean isAll(Filter filter) {
        return filter instanceof Filter.And and && and.filters().isEmpty();
    }

    static Filter and(Filter first, Filter second) {
        if (isAll(first)) {
            return second;
        }
        return isAll(second) ? first : new Filter.And(List.of(first, second));
    }

    private static Filter any(List<Filter> filters) {
        return filters.size() == 1 ? filters.get(0) : new Filter.Or(filters);
    }

    /**
     * {@code error} of the nested writes of {@code link}; when the database refused one of their
     * statements (a unique, null or foreign-key constraint), the same error saying which relation
     * wrote it, as the constraint names a table but not the nested write that broke it. An error
     * named by a relation nested deeper keeps that innermost name.
     */
    static Throwable throughRelation(RelationLink link, Throwable error) {
        if (!(error instanceof RefractException refract) || refract.getCause() instanceof RefractException) {
            return error;
        }
        String prefix = "[" + refract.code().code() + "] ";
        String message = refract.getMessage();
        message = (message.startsWith(prefix) ? message.substring(prefix.length()) : message)
                + " (in the nested writes of " + NestedWriteRules.relation(link) + ")";
        if (refract instanceof UniqueConstraintViolationException) {
            return new UniqueConstraintViolationException(refract.model(), refract.fields(), message, refract);
        }
        if (refract instanceof NullConstraintViolationException) {
            return new NullConstraintViolationException(refract.model(),
                    refract.fields().isEmpty() ? null : refract.fields().get(0), message, refract);
        }
        if (refract instanceof ForeignKeyViolationException) {
            return new ForeignKeyViolationException(refract.model(), refract.fields(), message, refract);
        }
        return error;
    }

    private static RecordNotFoundException connectMissing(RelationLink link) {
        String target = link.target().name();
        return new RecordNotFoundException(target, List.of(), "No " + target + " matches the connect through "
                + NestedWriteRules.relation(link) + ": connect relates a " + target + " that exists, so check the"
                + " unique values it names (connectOrCreate creates a missing one)", null);
    }

    private static RecordNotFoundException notRelated(RelationLink link, NestedWrite write) {
        String target = link.target().name();
        String parent = link.parent().name();
        return new RecordNotFoundException(target, List.of(), "No " + target + " related through "
                + NestedWriteRules.relation(link) + " matches the nested " + NestedWriteRules.name(write)
                + ": check that the " + target + " exists, belongs to this " + parent + " and meets the where"
                + " given", null);
    }
}
