package dev.refract.builder;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One builder of a related model as nested writes use it: how to make a fresh one and what building
 * it gives, e.g. {@code RelatedBuilder.of(PipelineStepWhere::new, PipelineStepWhere::build)}. Nested
 * writes go through the related model's own generated builders, so its required fields, value
 * conversion and unique keys are handled in one place.
 *
 * @param <T> the related model's builder
 * @param <R> what it builds: {@link dev.refract.query.WriteData} or a {@link dev.refract.query.Filter}
 */
public final class RelatedBuilder<T, R> {

    private final Supplier<T> builder;
    private final Function<T, R> build;

    private RelatedBuilder(Supplier<T> builder, Function<T, R> build) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.build = Objects.requireNonNull(build, "build");
    }

    /**
     * The builder {@code builder} makes, built by {@code build}.
     *
     * @param builder makes a fresh, empty builder
     * @param build   builds a filled one
     */
    public static <T, R> RelatedBuilder<T, R> of(Supplier<T> builder, Function<T, R> build) {
        return new RelatedBuilder<>(builder, build);
    }

    /** A fresh builder, filled by {@code values} and built. */
    R build(Consumer<T> values) {
        T fresh = builder.get();
        values.accept(fresh);
        return build.apply(fresh);
    }

    /** {@code filled}, built. */
    R built(T filled) {
        return build.apply(Objects.requireNonNull(filled, "a record given to createMany is null"));
    }
}
