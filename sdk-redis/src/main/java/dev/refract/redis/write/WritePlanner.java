package dev.refract.redis.write;

import dev.refract.error.InvalidQueryException;
import dev.refract.error.MissingRequiredFieldException;
import dev.refract.error.QueryFailedException;
import dev.refract.json.Json;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.WriteData;
import dev.refract.redis.filter.Values;
import dev.refract.redis.record.StoredModel;
import dev.refract.redis.record.StoredRecord;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns creates and updates of one model into the arguments of the write scripts, without touching
 * Redis (so it is tested without a server).
 *
 * <p>Creates apply the literal defaults of the schema, which only the adapter knows how to store.
 * Updates send {@code set} as a plain set; {@code increment} and {@code decrement} of an
 * {@code Int}, {@code BigInt} or {@code Float} field as {@code HINCRBY} / {@code HINCRBYFLOAT} run
 * in the script (an {@code Int} checked to stay within 32 bits first); and every other arithmetic ({@code multiply}, {@code divide}, any arithmetic on a
 * {@code Decimal}, or on a field of a unique key, whose index text must stay exact) as a
 * compare-and-set: the new value is computed from the value read, and the script applies it only if
 * the field still holds that value, otherwise the update is read and planned again.
 */
public final class WritePlanner {

    private final SchemaMeta schema;
    private final StoredModel model;
    private final Set<Integer> keyFields;
    private final List<String> uniqueSpec;

    /** A planner for the writes of {@code model}. */
    public WritePlanner(SchemaMeta schema, StoredModel model) {
        this.schema = schema;
        this.model = model;
        this.keyFields = new HashSet<>(model.meta().id().fields());
        List<String> spec = new ArrayList<>();
        spec.add(Integer.toString(model.uniques().size()));
        for (StoredModel.UniqueIndex unique : model.uniques()) {
            keyFields.addAll(unique.fields());
            spec.add(unique.name());
            spec.add(Integer.toString(unique.fields().size()));
            for (int field : unique.fields()) {
                spec.add((model.decimal(field) ? "d:" : "s:") + model.meta().field(field).dbName());
            }
        }
        this.uniqueSpec = List.copyOf(spec);
    }

    /** The unique keys as the scripts read them: their count, then per key its name, size and fields. */
    public List<String> uniqueSpec() {
        return uniqueSpec;
    }

    /**
     * The values by position of a new record from {@code data} and the schema's literal defaults; a
     * list field not given is empty.
     *
     * @throws MissingRequiredFieldException when a required field has neither a value nor a default
     */
    public Object[] createValues(WriteData data) {
        Object[] values = new Object[model.meta().fieldCount()];
        boolean[] given = new boolean[values.length];
        for (WriteData.FieldWrite write : data.writes()) {
            if (write.op() != WriteData.WriteOp.SET) {
                throw new InvalidQueryException(model.name(), List.of(name(write.field())), "A create sets values;"
                        + " " + write.op().name().toLowerCase(java.util.Locale.ROOT) + " of " + name(write.field())
                        + " has nothing to change yet");
            }
            values[write.field()] = write.value();
            given[write.field()] = true;
        }
        for (int i = 0; i < values.length; i++) {
            FieldMeta field = model.meta().field(i);
            if (given[i] || field.isRelation()) {
                continue;
            }
            DefaultValue fallback = field.defaultValue();
            if (fallback instanceof DefaultValue.Literal literal) {
                values[i] = literal(field, literal.value());
            } else if (field.isList()) {
                values[i] = List.of();
            } else if (field.arity() == dev.refract.meta.Arity.REQUIRED) {
                throw new MissingRequiredFieldException(model.name(), field.name());
            }
        }
        return values;
    }

    /**
     * When a record created from {@code data}, whose values (defaults filled) are {@code values},
     * expires: after the write's own time to live; else at the instant its {@code @expiresAt} field
     * holds; else after the model's {@code @@ttl}; else never.
     *
     * @throws InvalidQueryException when the write gives both a time to live and an {@code @expiresAt} instant
     */
    public Expiry createExpiry(WriteData data, Object[] values) {
        int expiresAt = model.meta().expiresAt();
        if (data.ttl() != null) {
            refuseBoth(data, expiresAt, "create");
            return Expiry.after(data.ttl().toMillis());
        }
        if (expiresAt >= 0 && values[expiresAt] instanceof Instant instant) {
            return Expiry.at(instant.toEpochMilli());
        }
        return modelExpiry();
    }

    /**
     * When a record updated by {@code data} expires: after the write's own time to live; at the
     * instant it sets its {@code @expiresAt} field to; when it clears that field, after the model's
     * {@code @@ttl} counted from now, or never without one; otherwise the record keeps its remaining time.
     *
     * @throws InvalidQueryException when the write gives both a time to live and an {@code @expiresAt} instant
     */
    public Expiry updateExpiry(WriteData data) {
        int expiresAt = model.meta().expiresAt();
        if (data.ttl() != null) {
            refuseBoth(data, expiresAt, "update");
            return Expiry.after(data.ttl().toMillis());
        }
        for (WriteData.FieldWrite write : data.writes()) {
            if (write.field() == expiresAt && write.op() == WriteData.WriteOp.SET) {
                return write.value() instanceof Instant instant ? Expiry.at(instant.toEpochMilli()) : modelExpiry();
            }
        }
        return Expiry.KEEP;
    }

    private Expiry modelExpiry() {
        long seconds = model.meta().ttlSeconds();
        return seconds > 0 ? Expiry.after(seconds * 1000L) : Expiry.NEVER;
    }

    private void refuseBoth(WriteData data, int expiresAt, String verb) {
        for (WriteData.FieldWrite write : data.writes()) {
            if (write.field() == expiresAt && write.value() != null) {
                String field = name(expiresAt);
                throw new InvalidQueryException(model.name(), List.of(field), "The " + verb + " of " + model.name()
                        + " gives both a ttl and " + field + " (@expiresAt), two expiries for one record: give one"
                        + " of them");
            }
        }
    }

    /**
     * The arguments of the create script for a record with {@code values}, expiring as {@code expiry}
     * says (see {@link #createExpiry}).
     */
    public List<String> createArguments(String id, Object[] values, Expiry expiry, boolean skipDuplicates) {
        Map<String, String> hash = model.encodeRecord(values);
        List<String> arguments = new ArrayList<>(8 + uniqueSpec.size() + 2 * hash.size());
        arguments.add(model.keys().modelPrefix());
        arguments.add(id);
        arguments.addAll(expiry.arguments());
        arguments.add(skipDuplicates ? "skip" : "fail");
        arguments.addAll(uniqueSpec);
        arguments.add(Integer.toString(hash.size()));
        hash.forEach((field, value) -> {
            arguments.add(field);
            arguments.add(value);
        });
        return arguments;
    }

    /**
     * The arguments of the delete script for {@code current}, applied only while the fields
     * {@code guarded} hold what {@code current} holds.
     */
    public List<String> deleteArguments(StoredRecord current, Set<Integer> guarded) {
        List<String[]> expectations = expectations(current, guarded);
        List<String> arguments = new ArrayList<>();
        arguments.add(model.keys().modelPrefix());
        arguments.add(current.id());
        arguments.addAll(uniqueSpec);
        arguments.add(Integer.toString(expectations.size()));
        for (String[] expectation : expectations) {
            arguments.addAll(List.of(expectation));
        }
        return arguments;
    }

    private List<String[]> expectations(StoredRecord current, Set<Integer> guarded) {
        List<String[]> ops = new ArrayList<>();
        for (int field : guarded) {
            if (model.stored(field)) {
                String text = current.texts()[field];
                String dbName = model.meta().field(field).dbName();
                ops.add(text == null ? new String[] {"A", dbName, ""} : new String[] {"E", dbName, text});
            }
        }
        return ops;
    }

    /**
     * An update of {@code current} planned as script arguments.
     *
     * @param newId     the record's id text after the update, or {@code null} when the id stays
     * @param arguments the update script's arguments
     */
    public record UpdatePlan(String newId, List<String> arguments) {}

    /** The update of {@code current} by {@code data}. */
    public UpdatePlan update(StoredRecord current, WriteData data) {
        return update(current, data, Set.of());
    }

    /**
     * The update of {@code current} by {@code data}, applied only while the fields {@code guarded}
     * still hold what {@code current} holds: the fields a where read, so that a record changed
     * since it was found to match is read and checked again, as a SQL {@code UPDATE … WHERE} would.
     * The record expires as {@link #updateExpiry} says.
     */
    public UpdatePlan update(StoredRecord current, WriteData data, Set<Integer> guarded) {
        List<String[]> ops = expectations(current, guarded);
        Object[] after = current.values().clone();
        boolean idChanged = false;
        for (WriteData.FieldWrite write : data.writes()) {
            int field = write.field();
            FieldMeta meta = model.meta().field(field);
            String dbName = meta.dbName();
            Object value = current.get(field);
            if (write.op() == WriteData.WriteOp.SET) {
                if (write.value() == null) {
                    ops.add(new String[] {"N", dbName, ""});
                } else {
                    ops.add(new String[] {"S", dbName, model.encode(field, write.value())});
                }
                after[field] = write.value();
                idChanged |= model.meta().id().fields().contains(field);
                continue;
            }
            ScalarType type = numericType(meta);
            if (value == null) {
                ops.add(new String[] {"A", dbName, ""});
                continue;
            }
            boolean additive = write.op() == WriteData.WriteOp.INCREMENT || write.op() == WriteData.WriteOp.DECREMENT;
            if (additive && !keyFields.contains(field) && (type == ScalarType.INT || type == ScalarType.BIGINT)) {
                long delta = ((Number) write.value()).longValue();
                ops.add(new String[] {type == ScalarType.INT ? "K" : "I", dbName, Long.toString(
                        write.op() == WriteData.WriteOp.DECREMENT ? Math.negateExact(delta) : delta)});
            } else if (additive && !keyFields.contains(field) && type == ScalarType.FLOAT) {
                double delta = ((Number) write.value()).doubleValue();
                ops.add(new String[] {"F", dbName, Double.toString(write.op() == WriteData.WriteOp.DECREMENT
                        ? -delta : delta)});
            } else {
                Object computed;
                try {
                    computed = arithmetic(field, type, write.op(), (Number) value, (Number) write.value());
                } catch (ArithmeticException overflow) {
                    throw new QueryFailedException(model.name(), "22003", "The update of " + model.name()
                            + " would take " + meta.name() + " out of the range of its type (" + overflow.getMessage()
                            + "): keep the value in range, or widen the field", null);
                }
                ops.add(new String[] {"E", dbName, current.texts()[field]});
                ops.add(new String[] {"S", dbName, model.encode(field, computed)});
                after[field] = computed;
                idChanged |= model.meta().id().fields().contains(field);
            }
        }
        String newId = idChanged ? model.idText(after) : null;
        if (idChanged && newId == null) {
            throw new InvalidQueryException(model.name(), List.of(), "An update cannot clear a field of the id of "
                    + model.name());
        }
        List<String> arguments = new ArrayList<>();
        arguments.add(model.keys().modelPrefix());
        arguments.add(current.id());
        arguments.add(newId == null || newId.equals(current.id()) ? "" : newId);
        arguments.addAll(updateExpiry(data).arguments());
        arguments.addAll(uniqueSpec);
        arguments.add(Integer.toString(ops.size()));
        for (String[] op : ops) {
            arguments.add(op[0]);
            arguments.add(op[1]);
            arguments.add(op[2]);
        }
        return new UpdatePlan(newId == null || newId.equals(current.id()) ? null : newId, arguments);
    }

    private ScalarType numericType(FieldMeta field) {
        if (field.kind() == FieldKind.SCALAR && !field.isList()) {
            switch (field.scalarType()) {
                case INT, BIGINT, FLOAT, DECIMAL -> {
                    return field.scalarType();
                }
                default -> { }
            }
        }
        throw new InvalidQueryException(model.name(), List.of(field.name()), "Arithmetic updates apply to Int,"
                + " BigInt, Float and Decimal fields; " + field.name() + " of " + model.name() + " is not one");
    }

    /** {@code value op operand} as SQL computes it: integers divide towards zero; dividing by zero fails. */
    private Object arithmetic(int field, ScalarType type, WriteData.WriteOp op, Number value, Number operand) {
        if (op == WriteData.WriteOp.DIVIDE && Values.decimal(operand).signum() == 0) {
            throw new QueryFailedException(model.name(), "22012", "Division by zero while dividing "
                    + name(field) + " of " + model.name() + ": divide by a value other than 0", null);
        }
        return switch (type) {
            case INT, BIGINT -> {
                long a = value.longValue();
                long b = operand.longValue();
                long result = switch (op) {
                    case INCREMENT -> Math.addExact(a, b);
                    case DECREMENT -> Math.subtractExact(a, b);
                    case MULTIPLY -> Math.multiplyExact(a, b);
                    default -> a / b;
                };
                yield type == ScalarType.INT ? (Object) Math.toIntExact(result) : (Object) result;
            }
            case FLOAT -> {
                double a = value.doubleValue();
                double b = operand.doubleValue();
                yield switch (op) {
                    case INCREMENT -> a + b;
                    case DECREMENT -> a - b;
                    case MULTIPLY -> a * b;
                    default -> a / b;
                };
            }
            default -> {
                BigDecimal a = (BigDecimal) value;
                BigDecimal b = operand instanceof BigDecimal exact ? exact : new BigDecimal(operand.toString());
                yield switch (op) {
                    case INCREMENT -> a.add(b);
                    case DECREMENT -> a.subtract(b);
                    case MULTIPLY -> a.multiply(b);
                    default -> a.divide(b, MathContext.DECIMAL128);
                };
            }
        };
    }

    /** A literal default in the Java form of {@code field}. */
    Object literal(FieldMeta field, Object literal) {
        if (literal instanceof List<?> list) {
            List<Object> values = new ArrayList<>(list.size());
            for (Object element : list) {
                values.add(single(field, element));
            }
            return List.copyOf(values);
        }
        return single(field, literal);
    }

    private Object single(FieldMeta field, Object literal) {
        if (field.kind() == FieldKind.ENUM) {
            for (EnumMeta meta : schema.enums()) {
                if (meta.name().equals(field.typeName())) {
                    return meta.dbValue(literal.toString());
                }
            }
            return literal.toString();
        }
        return switch (field.scalarType()) {
            case STRING -> literal.toString();
            case BOOLEAN -> literal instanceof Boolean flag ? flag : Boolean.valueOf(literal.toString());
            case INT -> Math.toIntExact(((Number) literal).longValue());
            case BIGINT -> ((Number) literal).longValue();
            case FLOAT -> ((Number) literal).doubleValue();
            case DECIMAL -> literal instanceof BigDecimal decimal ? decimal : new BigDecimal(literal.toString());
            case DATETIME -> Instant.parse(literal.toString());
            case JSON -> Json.parse(literal.toString());
            case BYTES -> Base64.getDecoder().decode(literal.toString());
        };
    }

    private String name(int field) {
        return model.meta().field(field).name();
    }
}
