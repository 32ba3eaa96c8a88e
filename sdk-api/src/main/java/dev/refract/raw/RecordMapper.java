package dev.refract.raw;

import dev.refract.error.InvalidQueryException;
import dev.refract.spi.RawColumns;
import dev.refract.spi.RawRow;
import dev.refract.spi.Row;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Maps rows of a raw read to a record class of the caller's, e.g. {@code record Total(String name,
 * long count)} for {@code SELECT name, count(*) AS count …}.
 *
 * <p>Each component takes the column whose label is its name: the same label, else the one label
 * that differs from it only in case, else the one that is its name in snake_case or camelCase
 * ({@code createdAt} takes {@code created_at}). Columns no component takes are ignored; a component
 * without a column is an error. Values are converted only where nothing is lost (see
 * {@link ValueConversions}).
 *
 * <p>The record's components and canonical constructor are looked up by reflection once per class
 * and kept while the class is loaded; a row costs one array and one call of a method handle.
 * Components are matched to columns once per result, not per row.
 *
 * @param <R> the record class
 */
public final class RecordMapper<R> {

    /**
     * The mapper of each record class, built on first use: a memo of a pure function of the class,
     * which {@code ClassValue} drops when the class unloads.
     */
    private static final ClassValue<RecordMapper<?>> MAPPERS = new ClassValue<>() {
        @Override
        protected RecordMapper<?> computeValue(Class<?> type) {
            return create(type);
        }
    };

    private final Class<R> type;
    private final Component[] components;
    /** The canonical constructor as {@code (Object[]) -> Object}. */
    private final MethodHandle constructor;

    private RecordMapper(Class<R> type, Component[] components, MethodHandle constructor) {
        this.type = type;
        this.components = components;
        this.constructor = constructor;
    }

    /**
     * The mapper of {@code type}.
     *
     * @throws IllegalArgumentException when {@code type} is not a record class, or its canonical
     *         constructor cannot be reached (a record in a module that does not open its package)
     */
    @SuppressWarnings("unchecked")
    public static <R> RecordMapper<R> of(Class<R> type) {
        return (RecordMapper<R>) MAPPERS.get(Objects.requireNonNull(type, "type"));
    }

    /**
     * A function mapping the rows of one read, each a {@link RawRow}. It matches components to
     * columns on the first row and again only when a row brings other columns; not for concurrent
     * use, so take one per subscription.
     *
     * @throws InvalidQueryException (from the function) when a component has no column, or a value
     *         does not convert to its component's type
     */
    public Function<Row, R> reader() {
        return new Reader();
    }

    /** The record class this mapper builds. */
    public Class<R> type() {
        return type;
    }

    private static <R> RecordMapper<R> create(Class<R> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record class: raw rows map to records,"
                    + " whose components are matched to columns by name; declare a record, or read the rows as maps"
                    + " with queryRaw(datasource, sql, args)");
        }
        RecordComponent[] declared = type.getRecordComponents();
        Component[] components = new Component[declared.length];
        Class<?>[] types = new Class<?>[declared.length];
        for (int i = 0; i < declared.length; i++) {
            components[i] = new Component(declared[i].getName(), declared[i].getType());
            types[i] = declared[i].getType();
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            if (!canonical.trySetAccessible()) {
                throw new IllegalArgumentException("The canonical constructor of record " + type.getName()
                        + " cannot be called from Refract: open its package to the module of refract-sdk-api, or"
                        + " make the record public in an exported package");
            }
            MethodHandle handle = MethodHandles.lookup().unreflectConstructor(canonical)
                    .asSpreader(Object[].class, declared.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new RecordMapper<>(type, components, handle);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException("The canonical constructor of record " + type.getName()
                    + " cannot be looked up: " + e.getMessage(), e);
        }
    }

    private R construct(Object[] values) {
        try {
            return type.cast((Object) constructor.invokeExact(values));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("The constructor of record " + type.getName() + " failed: " + e, e);
        }
    }

    /** One component: its name, declared type and what converting into it needs. */
    private record Component(String name, Class<?> type, String folded) {
        Component(String name, Class<?> type) {
            this(name, type, fold(name));
        }
    }

    /** A label with case and underscores dropped, so {@code created_at}, {@code createdAt} and {@code CREATED_AT} meet. */
    private static String fold(String label) {
        return label.replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Maps rows of one read, remembering which column each component takes. */
    private final class Reader implements Function<Row, R> {

        private RawColumns columns;
        private int[] columnOf;

        @Override
        public R apply(Row row) {
            if (!(row instanceof RawRow raw)) {
                throw new IllegalStateException("A raw read without a model must return RawRows, got a "
                        + row.getClass().getName() + ": the adapter breaks the Executor.queryRaw contract");
            }
            if (raw.columns() != columns) {
                columnOf = match(raw.columns());
                columns = raw.columns();
            }
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                Component component = components[i];
                String label = columns.labels().get(columnOf[i]);
                values[i] = ValueConversions.convert(raw.get(columnOf[i]), component.type(),
                        () -> "column '" + label + "' to component '" + component.name() + "' of record "
                                + type.getName(), component.name());
            }
            return construct(values);
        }
    }

    private int[] match(RawColumns columns) {
        int[] columnOf = new int[components.length];
        for (int i = 0; i < components.length; i++) {
            columnOf[i] = column(columns.labels(), components[i]);
        }
        return columnOf;
    }

    private int column(List<String> labels, Component component) {
        int exact = labels.indexOf(component.name());
        if (exact >= 0) {
            return exact;
        }
        int found = single(labels, label -> label.equalsIgnoreCase(component.name()), component);
        if (found < 0) {
            found = single(labels, label -> fold(label).equals(component.folded()), component);
        }
        if (found < 0) {
            throw new InvalidQueryException(null, List.of(component.name()), "Component '" + component.name()
                    + "' of record " + type.getName() + " has no column in the raw query's result (its columns: "
                    + String.join(", ", labels) + "): select a column labelled " + component.name()
                    + ", e.g. with AS");
        }
        return found;
    }

    /** The position of the one label {@code matches} accepts, -1 for none; several are an error. */
    private int single(List<String> labels, Predicate<String> matches, Component component) {
        List<Integer> found = new ArrayList<>(1);
        for (int i = 0; i < labels.size(); i++) {
            if (matches.test(labels.get(i))) {
                found.add(i);
            }
        }
        if (found.size() > 1) {
            List<String> names = found.stream().map(labels::get).toList();
            throw new InvalidQueryException(null, List.of(component.name()), "Component '" + component.name()
                    + "' of record " + type.getName() + " could take any of the columns " + String.join(", ", names)
                    + ": label exactly one of them " + component.name());
        }
        return found.isEmpty() ? -1 : found.get(0);
    }
}
