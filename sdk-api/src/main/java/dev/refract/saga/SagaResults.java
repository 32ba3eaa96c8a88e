package dev.refract.saga;

import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * What the completed steps of a saga returned, by step name, in the order the steps ran. A step's action
 * receives the results of the steps before it; an outcome carries the results of every step that
 * completed.
 *
 * <p>Reading a step that is not in the saga, or has not completed, is a mistake in the saga's code and
 * throws {@link IllegalArgumentException} naming the steps there are; thrown inside a step's action, it
 * fails that step. Immutable.
 */
public final class SagaResults {

    /** Stands for the value of a step that completed empty, since the map holds no nulls. */
    private static final Object EMPTY = new Object();

    private final List<String> sagaSteps;
    private final Map<String, Object> values;

    private SagaResults(List<String> sagaSteps, Map<String, Object> values) {
        this.sagaSteps = sagaSteps;
        this.values = values;
    }

    /** No step completed yet, in a saga of the steps {@code sagaSteps}, named in order. */
    static SagaResults none(List<String> sagaSteps) {
        return new SagaResults(List.copyOf(sagaSteps), Map.of());
    }

    /** These results and then {@code step}'s {@code value}, {@code null} when it completed empty. */
    SagaResults with(String step, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put(step, value == null ? EMPTY : value);
        return new SagaResults(sagaSteps, Collections.unmodifiableMap(more));
    }

    /**
     * The value step {@code step} produced, as a {@code type}.
     *
     * @throws IllegalArgumentException when the saga has no such step, or it has not completed
     * @throws ClassCastException       when the step's value is not a {@code type}
     * @throws NoSuchElementException   when the step completed without a value (it was allowed to; read it
     *                                  with {@link #find(String, Class)})
     */
    public <T> T get(String step, Class<T> type) {
        return find(step, type).orElseThrow(() -> new NoSuchElementException("Saga step '" + step
                + "' completed without a value, as it is allowed to: read it with find(\"" + step + "\", "
                + type.getSimpleName() + ".class), which is empty then"));
    }

    /**
     * The value step {@code step} produced, as a {@code type}; empty when the step completed without one.
     *
     * @throws IllegalArgumentException when the saga has no such step, or it has not completed
     * @throws ClassCastException       when the step's value is not a {@code type}
     */
    public <T> Optional<T> find(String step, Class<T> type) {
        Objects.requireNonNull(type, "type");
        Object value = value(step);
        if (value == EMPTY) {
            return Optional.empty();
        }
        Class<?> boxed = type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
        if (!boxed.isInstance(value)) {
            throw new ClassCastException("Saga step '" + step + "' produced a " + value.getClass().getName()
                    + ", not a " + type.getName() + ": read it as get(\"" + step + "\", "
                    + value.getClass().getSimpleName() + ".class)");
        }
        @SuppressWarnings("unchecked") // boxed is type itself, or its wrapper when type is primitive
        T typed = (T) value;
        return Optional.of(typed);
    }

    /** True when step {@code step} has completed, with a value or without one. */
    public boolean completed(String step) {
        return values.containsKey(step);
    }

    /** The names of the completed steps, in the order they ran. */
    public List<String> steps() {
        return List.copyOf(values.keySet());
    }

    private Object value(String step) {
        Object value = values.get(step);
        if (value != null) {
            return value;
        }
        if (!sagaSteps.contains(step)) {
            throw new IllegalArgumentException("The saga has no step named '" + step + "': its steps are "
                    + String.join(", ", sagaSteps));
        }
        throw new IllegalArgumentException("Saga step '" + step + "' has not completed: a step's action reads only"
                + " the steps before it, here " + (values.isEmpty() ? "none" : String.join(", ", values.keySet())));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SagaResults results && values.equals(results.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>(values.size());
        values.forEach((step, value) -> shown.add(step + "=" + (value == EMPTY ? "(empty)" : value)));
        return "SagaResults[" + String.join(", ", shown) + "]";
    }
}
