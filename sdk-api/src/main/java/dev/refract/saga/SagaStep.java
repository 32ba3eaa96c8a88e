package dev.refract.saga;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One step of a {@link Saga}: a name, an action, and optionally a compensation that undoes what the
 * action did. {@link Saga#step(String, Function, Function)} makes the common steps; make one here when
 * it needs more, e.g.
 * <pre>{@code
 * saga.step(SagaStep.of("lock", done -> locks.acquire(key))
 *         .compensatedBy(lock -> locks.release(lock))
 *         .allowingEmpty()
 *         .retryingCompensation(Retry.backoff(3, Duration.ofMillis(100))))
 * }</pre>
 *
 * <p>The action is called once per run of the saga, with the results of the steps before it, and
 * returns a cold publisher of at most one value (a {@code Mono}). The step completes when that
 * publisher completes. A step whose publisher completes without a value fails with a
 * {@link NoSuchElementException} naming the step, unless the step {@linkplain #allowingEmpty() allows
 * it}; a publisher of more than one value fails the step too.
 *
 * <p>The compensation is called with the value the action produced and returns a publisher whose
 * completion means the step is undone (its elements are ignored). A step that completed without a value
 * has nothing to undo: its compensation is not called.
 *
 * <p>Immutable: every method returns a new step.
 *
 * @param <T> the type of the value the action produces
 */
public final class SagaStep<T> {

    private final String name;
    private final Function<SagaResults, ? extends Publisher<T>> action;
    /** {@code null} when the step has nothing to undo. */
    private final Function<? super T, ? extends Publisher<?>> compensation;
    private final boolean emptyAllowed;
    /** {@code null} to retry the compensation as the saga says. */
    private final Retry compensationRetry;

    private SagaStep(String name, Function<SagaResults, ? extends Publisher<T>> action,
            Function<? super T, ? extends Publisher<?>> compensation, boolean emptyAllowed, Retry compensationRetry) {
        this.name = name;
        this.action = action;
        this.compensation = compensation;
        this.emptyAllowed = emptyAllowed;
        this.compensationRetry = compensationRetry;
    }

    /**
     * A step named {@code name} that runs {@code action} and has nothing to compensate.
     *
     * @param name   the step's name, unique in its saga; results are read by it
     * @param action called with the results of the steps before this one; returns the step's work
     * @throws IllegalArgumentException when {@code name} is blank
     * @throws NullPointerException     when {@code name} or {@code action} is null
     */
    public static <T> SagaStep<T> of(String name, Function<SagaResults, ? extends Publisher<T>> action) {
        Objects.requireNonNull(name, "A saga step needs a name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A saga step's name is blank: name each step after what it does,"
                    + " e.g. step(\"createRun\", ...); later steps read its result by that name");
        }
        Objects.requireNonNull(action, () -> "Saga step '" + name + "' needs an action");
        return new SagaStep<>(name, action, null, false, null);
    }

    /**
     * This step, undone by {@code compensation} when a later step fails: it is called with the value this
     * step's action produced.
     */
    public SagaStep<T> compensatedBy(Function<? super T, ? extends Publisher<?>> compensation) {
        Objects.requireNonNull(compensation, () -> "The compensation of saga step '" + name + "' is null");
        return new SagaStep<>(name, action, compensation, emptyAllowed, compensationRetry);
    }

    /**
     * This step, allowed to complete without a value: it then counts as completed, later steps find no
     * value for it ({@link SagaResults#find(String, Class)} is empty), and it has nothing to compensate.
     */
    public SagaStep<T> allowingEmpty() {
        return new SagaStep<>(name, action, compensation, true, compensationRetry);
    }

    /**
     * This step, whose compensation is retried with {@code retry} when it fails, instead of as the saga
     * says (see {@link Saga#retryCompensations(Retry)}); e.g. {@code Retry.backoff(3, Duration.ofMillis(100))}.
     */
    public SagaStep<T> retryingCompensation(Retry retry) {
        Objects.requireNonNull(retry, () -> "The compensation retry of saga step '" + name + "' is null");
        return new SagaStep<>(name, action, compensation, emptyAllowed, retry);
    }

    /** The step's name, unique in its saga. */
    public String name() {
        return name;
    }

    /** True when the step declares a compensation. */
    public boolean compensated() {
        return compensation != null;
    }

    /** True when the step may complete without a value. */
    public boolean emptyAllowed() {
        return emptyAllowed;
    }

    /**
     * Runs the action once, given the results so far: emits what the step leaves behind, or signals the
     * step's failure. {@code sagaRetry} retries the compensation when the step has no retry of its own.
     */
    Mono<Completed> perform(SagaResults done, Retry sagaRetry) {
        return Mono.defer(() -> {
            Publisher<T> work = action.apply(done);
            if (work == null) {
                return Mono.error(new NullPointerException("The action of saga step '" + name
                        + "' returned null instead of a publisher: return a Mono of the step's work"));
            }
            return atMostOne(work);
        }).map(value -> new Completed(name, value, undo(value, sagaRetry)))
                .switchIfEmpty(Mono.defer(() -> emptyAllowed ? Mono.just(new Completed(name, null, null))
                        : Mono.error(new NoSuchElementException("Saga step '" + name + "' completed without a"
                                + " value: its action must produce one (later steps and its compensation use it),"
                                + " or declare the step with SagaStep.of(...).allowingEmpty()"))));
    }

    private Mono<T> atMostOne(Publisher<T> work) {
        if (work instanceof Mono<T> mono) {
            return mono;
        }
        return Flux.from(work).take(2).collectList().flatMap(values -> {
            if (values.size() > 1) {
                return Mono.error(new IllegalStateException("The action of saga step '" + name + "' emitted more"
                        + " than one value: a step produces one value, so collect a Flux with collectList()"));
            }
            return Mono.justOrEmpty(values.isEmpty() ? null : values.get(0));
        });
    }

    /** The compensation of {@code value}, retried as configured; {@code null} when there is none. */
    private Mono<Void> undo(T value, Retry sagaRetry) {
        if (compensation == null) {
            return null;
        }
        Mono<Void> once = Mono.defer(() -> {
            Publisher<?> undoing = compensation.apply(value);
            if (undoing == null) {
                return Mono.error(new NullPointerException("The compensation of saga step '" + name
                        + "' returned null instead of a publisher: return a Mono of the undoing work"));
            }
            return Flux.from(undoing).then();
        });
        Retry retry = compensationRetry != null ? compensationRetry : sagaRetry;
        return retry == null ? once
                : once.retryWhen(retry).onErrorMap(Exceptions::isRetryExhausted,
                        exhausted -> exhausted.getCause() != null ? exhausted.getCause() : exhausted);
    }

    /**
     * What a completed step leaves behind: its value ({@code null} when it completed empty) and the work
     * that undoes it ({@code null} when there is nothing to undo).
     */
    record Completed(String step, Object value, Mono<Void> undo) {
    }

    @Override
    public String toString() {
        return "SagaStep[" + name + (compensation == null ? "" : ", compensated") + (emptyAllowed ? ", may be empty" : "")
                + "]";
    }
}
