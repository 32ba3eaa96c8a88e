package dev.refract.client;

import dev.refract.id.IdGenerator;
import dev.refract.id.IdGenerators;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Operation;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.WriteOp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills in what the client, not the database, supplies before a write reaches its adapter:
 * generated ids ({@code cuid()}, {@code cuid(2)}, {@code uuid()}, {@code uuid(7)}, {@code ulid()},
 * {@code nanoid()}) and {@code now()} on create, and {@code @updatedAt} on create and on every
 * update. A value the caller set always wins, {@code null} included.
 *
 * <p>One call reads the clock once, truncated to milliseconds, and gives that instant to every
 * {@code now()} and {@code @updatedAt} field it fills, across all records of a {@code createMany}
 * (and {@code createManyAndReturn})
 * and both halves of an {@code upsert}. A nested write reads it once too ({@link #now()}) and
 * passes it to every statement it runs ({@link #apply(Operation, Instant)}), so every record it
 * creates or updates, at any depth, carries the same instant.
 *
 * <p>Left to the database: {@code autoincrement()}, {@code auto()}, {@code dbgenerated(...)} and
 * literal defaults. SQL tables declare literal defaults in their DDL, and adapters of stores without
 * column defaults apply them from {@link FieldMeta#defaultValue()} on insert, in the stored form
 * only the adapter knows (e.g. an enum's database name).
 */
final class WriteDefaults {

    private final Clock clock;
    private final ModelPlan[] plans;

    WriteDefaults(SchemaMeta schema, IdGenerators ids, Clock clock) {
        this.clock = clock;
        this.plans = new ModelPlan[schema.models().size()];
        for (ModelMeta model : schema.models()) {
            plans[model.index()] = ModelPlan.of(model, ids);
        }
    }

    /** {@code operation} with the client-side values filled in; the same object when there are none. */
    Operation apply(Operation operation) {
        return apply(operation, null);
    }

    /** The instant of one call: the clock read now, truncated to milliseconds. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * {@code operation} with the client-side values filled in, {@code now()} and {@code @updatedAt}
     * taking {@code instant}; {@code null} reads the clock when a field needs it. The same object
     * when there is nothing to fill. Nested writes of the data are kept as they are.
     */
    Operation apply(Operation operation, Instant instant) {
        ModelPlan plan = plans[operation.model()];
        if (plan.isEmpty()) {
            return operation;
        }
        if (operation instanceof Operation.Create create) {
            return new Operation.Create(create.model(), plan.onCreate(create.data(), now(plan, instant)),
                    create.selection());
        }
        if (operation instanceof Operation.CreateMany many) {
            Instant now = now(plan, instant);
            List<WriteData> data = new ArrayList<>(many.data().size());
            for (WriteData record : many.data()) {
                data.add(plan.onCreate(record, now));
            }
            return new Operation.CreateMany(many.model(), data, many.skipDuplicates());
        }
        if (operation instanceof Operation.CreateManyAndReturn many) {
            Instant now = now(plan, instant);
            List<WriteData> data = new ArrayList<>(many.data().size());
            for (WriteData record : many.data()) {
                data.add(plan.onCreate(record, now));
            }
            return new Operation.CreateManyAndReturn(many.model(), data, many.skipDuplicates(), many.selection());
        }
        if (operation instanceof Operation.Update update) {
            return new Operation.Update(update.model(), update.where(),
                    plan.onUpdate(update.data(), now(plan, instant)), update.selection());
        }
        if (operation instanceof Operation.UpdateMany update) {
            return new Operation.UpdateMany(update.model(), update.where(),
                    plan.onUpdate(update.data(), now(plan, instant)));
        }
        if (operation instanceof Operation.UpdateManyAndReturn update) {
            return new Operation.UpdateManyAndReturn(update.model(), update.where(),
                    plan.onUpdate(update.data(), now(plan, instant)), update.selection());
        }
        if (operation instanceof Operation.Upsert upsert) {
            Instant now = now(plan, instant);
            return new Operation.Upsert(upsert.model(), upsert.where(), plan.onCreate(upsert.create(), now),
                    plan.onUpdate(upsert.update(), now), upsert.selection());
        }
        return operation;
    }

    private Instant now(ModelPlan plan, Instant instant) {
        if (!plan.readsClock()) {
            return null;
        }
        return instant != null ? instant : now();
    }

    /**
     * What one model needs, worked out once from its metadata: the fields filled on create, in field
     * order, each with its id generator or {@code null} for the call's instant; and the
     * {@code @updatedAt} fields filled on update.
     */
    private record ModelPlan(int[] createFields, IdGenerator[] createGenerators, int[] updateFields,
            boolean readsClock) {

        static ModelPlan of(ModelMeta model, IdGenerators ids) {
            List<Integer> create = new ArrayList<>();
            List<IdGenerator> generators = new ArrayList<>();
            List<Integer> update = new ArrayList<>();
            boolean clock = false;
            for (int i = 0; i < model.fieldCount(); i++) {
                FieldMeta field = model.field(i);
                if (field.isRelation()) {
                    continue;
                }
                IdGenerator generator = field.defaultValue() == null ? null : ids.forDefault(field.defaultValue());
                boolean time = field.updatedAt() || field.defaultValue() instanceof DefaultValue.Now;
                if (generator != null) {
                    create.add(i);
                    generators.add(generator);
                } else if (time) {
                    create.add(i);
                    generators.add(null);
                    clock = true;
                }
                if (field.updatedAt()) {
                    update.add(i);
                }
            }
            return new ModelPlan(create.stream().mapToInt(Integer::intValue).toArray(),
                    generators.toArray(IdGenerator[]::new), update.stream().mapToInt(Integer::intValue).toArray(), clock);
        }

        boolean isEmpty() {
            return createFields.length == 0 && updateFields.length == 0;
        }

        WriteData onCreate(WriteData data, Instant now) {
            List<FieldWrite> writes = data.writes();
            FieldWrite[] added = null;
            int count = 0;
            for (int i = 0; i < createFields.length; i++) {
                int field = createFields[i];
                if (!given(writes, field)) {
                    if (added == null) {
                        added = new FieldWrite[createFields.length - i];
                    }
                    Object value = createGenerators[i] == null ? now : createGenerators[i].next();
                    added[count++] = new FieldWrite(field, WriteOp.SET, value);
                }
            }
            return added == null ? data : merge(data, added, count);
        }

        WriteData onUpdate(WriteData data, Instant now) {
            List<FieldWrite> writes = data.writes();
            FieldWrite[] added = null;
            int count = 0;
            for (int i = 0; i < updateFields.length; i++) {
                if (!given(writes, updateFields[i])) {
                    if (added == null) {
                        added = new FieldWrite[updateFields.length - i];
                    }
                    added[count++] = new FieldWrite(updateFields[i], WriteOp.SET, now);
                }
            }
            return added == null ? data : merge(data, added, count);
        }

        private static boolean given(List<FieldWrite> writes, int field) {
            for (int i = 0, n = writes.size(); i < n; i++) {
                if (writes.get(i).field() == field) {
                    return true;
                }
            }
            return false;
        }

        /** Both lists in field order, as the write builders produce them; the nested writes stay. */
        private static WriteData merge(WriteData data, FieldWrite[] added, int count) {
            List<FieldWrite> writes = data.writes();
            List<FieldWrite> merged = new ArrayList<>(writes.size() + count);
            int a = 0;
            for (FieldWrite write : writes) {
                while (a < count && added[a].field() < write.field()) {
                    merged.add(added[a++]);
                }
                merged.add(write);
            }
            while (a < count) {
                merged.add(added[a++]);
            }
            return data.withWrites(merged);
        }
    }
}
