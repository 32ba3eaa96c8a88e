package dev.refract.builder;

import dev.refract.error.MissingRequiredFieldException;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.NestedWrite;
import dev.refract.query.WriteData.RelationWrite;
import dev.refract.query.WriteData.WriteOp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The base of generated create and update builders: one write per field, the last one given
 * winning, in field order; and per relation field, the nested writes given, in the order the
 * relations were first written and each relation's writes in call order.
 *
 * @param <B> the generated builder itself
 */
public abstract class WriteBuilder<B extends WriteBuilder<B>> {

    private final Map<Integer, FieldWrite> writes = new TreeMap<>();
    private final Map<Integer, List<NestedWrite>> relations = new LinkedHashMap<>();
    private Duration ttl;

    /** For subclasses. */
    protected WriteBuilder() {}

    /** {@code this}, typed as the generated builder. */
    protected abstract B self();

    /** Sets the field at {@code index} to {@code value} (already in stored form). */
    protected final B set(int index, Object value) {
        return write(index, WriteOp.SET, value);
    }

    /**
     * Sets a required field; {@code null} is refused with a message naming the field.
     *
     * @param name the field's name, for the message
     */
    protected final B setRequired(int index, String name, Object value) {
        if (value == null) {
            throw new NullPointerException("Field '" + name + "' is required and cannot be set to null");
        }
        return set(index, value);
    }

    B write(int index, WriteOp op, Object value) {
        writes.put(index, new FieldWrite(index, op, value));
        return self();
    }

    /**
     * Lets {@code writes} fill {@code nested}, the nested-write builder of the relation field at
     * {@code index}, and keeps the writes it gave after those given before through that field.
     */
    protected final <N extends NestedWrites> B relate(int index, Consumer<N> writes, N nested) {
        writes.accept(nested);
        List<NestedWrite> given = nested.writes();
        if (!given.isEmpty()) {
            relations.computeIfAbsent(index, field -> new ArrayList<>()).addAll(given);
        }
        return self();
    }

    /**
     * True when the record is linked through one of {@code relationFields}: it is created through
     * that relation ({@code parentRelation}, the relation field a nested create came through, or
     * {@code -1}), or a nested write was given on it. Its foreign-key fields then need no value.
     */
    protected final boolean linked(int parentRelation, int... relationFields) {
        for (int relation : relationFields) {
            if (relation == parentRelation || relations.containsKey(relation)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks that the field at {@code index} was given.
     *
     * @throws MissingRequiredFieldException naming {@code model} and {@code field} when it was not
     */
    protected final void require(int index, String model, String field) {
        if (!writes.containsKey(index)) {
            throw new MissingRequiredFieldException(model, field);
        }
    }

    /**
     * Checks that the foreign-key field at {@code index} was given, for a record not
     * {@linkplain #linked linked} through its relation.
     *
     * @param relation the name of the relation field that could give it instead, for the message
     * @throws MissingRequiredFieldException naming {@code model}, {@code field} and {@code relation} when it was not
     */
    protected final void require(int index, String model, String field, String relation) {
        if (!writes.containsKey(index)) {
            throw new MissingRequiredFieldException(model, field, relation);
        }
    }

    /**
     * Gives the record written its own time to live, overriding its model's {@code @@ttl}; for the
     * builders of models whose datasource expires records (Redis).
     *
     * @throws IllegalArgumentException when {@code ttl} is {@code null} or shorter than a millisecond
     */
    protected final B timeToLive(Duration ttl) {
        if (ttl == null || ttl.toMillis() < 1) {
            throw new IllegalArgumentException("A time to live must be at least one millisecond, not " + ttl
                    + "; leave ttl(...) out to keep the model's own");
        }
        this.ttl = ttl;
        return self();
    }

    /** The writes given so far, with the nested writes of every relation written and the time to live given. */
    protected final WriteData data() {
        List<RelationWrite> nested = new ArrayList<>(relations.size());
        relations.forEach((field, given) -> nested.add(new RelationWrite(field, given)));
        return new WriteData(writes.values().stream().toList(), nested, ttl);
    }

    /** An atomic update of the number field at {@code index}, for a generated accessor. */
    protected final <T extends Number> NumberUpdate<B, T> number(int index, String name) {
        return new NumberUpdate<>(self(), index, name);
    }
}
