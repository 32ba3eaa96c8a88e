package dev.refract.saga;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.Logger;
import reactor.util.Loggers;
import reactor.util.retry.Retry;

/**
 * A unit of work across datasources, which no transaction can cover: named steps run one after the
 * other, each with an optional compensation that undoes it. When a step fails, the steps completed
 * before it are compensated one at a time, in reverse order, and the run's {@link SagaOutcome} reports
 * what was done and undone.
 * <pre>{@code
 * Mono<SagaOutcome> outcome = db.saga()
 *     .step("run",
 *           done -> db.pipelineRun().create(c -> c.name("video")),
 *           run -> db.pipelineRun().delete(w -> w.id(run.id())))
 *     .step("content",
 *           done -> db.contentItem().create(c -> c.runId(done.get("run", PipelineRun.class).id())),
 *           item -> db.contentItem().delete(w -> w.id(item.id())))
 *     .step("audit", done -> audit.record("video"))
 *     .run();
 * }</pre>
 *
 * <h2>Steps</h2>
 * A step's action is called with the {@link SagaResults results} of the steps before it and returns
 * the step's work as a cold publisher of one value, such as a {@code Mono} of the client. The step
 * fails when that publisher signals an error, when the action throws, and when it completes without a
 * value: a value is what later steps and the compensation work with, so a step that may legitimately
 * produce none must say so ({@link SagaStep#allowingEmpty()}). A compensation is called with the value
 * its step's action produced.
 *
 * <h2>Compensation</h2>
 * When a step fails, no later step starts. The completed steps that declare a compensation are
 * compensated one at a time, the last completed first; the outcome is {@link SagaOutcome.Compensated}.
 * A compensation that fails stops the chain, since later compensations may depend on it having run:
 * the outcome is {@link SagaOutcome.CompensationFailed}, naming the steps compensated and those left in
 * effect. A failed compensation is retried first when the saga or the step has a retry policy
 * ({@link #retryCompensations(long, Duration)}, {@link SagaStep#retryingCompensation(Retry)}); a
 * step's action is not retried by the saga (put a {@code retryWhen} on the action's publisher for
 * that). The saga logs at WARN when it starts compensating and at ERROR when a compensation fails,
 * through Reactor's {@link Loggers} (SLF4J when present) under the name {@code dev.refract.saga.Saga}.
 *
 * <h2>Running</h2>
 * {@link #run()} is cold: each subscription runs the saga once more, from its first step. The steps run
 * with the subscriber's Reactor context. A saga holds no transaction: each step commits on its own, and
 * a step may itself be a transaction of one datasource ({@code db.transaction(...)}).
 *
 * <h2>Cancellation</h2>
 * Cancelling the subscription to {@link #run()} aborts the saga, but never halfway through a step: a
 * write whose publisher is cancelled may still have committed, and the saga could then not tell whether
 * to undo it. So the running step is left to finish in the background; then no further step starts, and
 * every completed step, including that one, is compensated in reverse order, as for a failure whose
 * error is a {@link java.util.concurrent.CancellationException}. This is logged (WARN, and ERROR when a
 * compensation fails) since nobody receives the outcome. Bound a step that might never end with a
 * {@code timeout} on its action's publisher, which fails the step.
 *
 * <p>Immutable: every method returns a new saga, so one saga may be declared once and run many times.
 */
public final class Saga {

    private static final Logger LOG = Loggers.getLogger(Saga.class);

    private final String name;
    private final List<SagaStep<?>> steps;
    /** {@code null} when failed compensations are not retried unless their step says so. */
    private final Retry compensationRetry;
    private final Logger log;

    private Saga(String name, List<SagaStep<?>> steps, Retry compensationRetry, Logger log) {
        this.name = name;
        this.steps = steps;
        this.compensationRetry = compensationRetry;
        this.log = log;
    }

    /** A saga without steps, named {@code saga} in logs, whose failed compensations are not retried. */
    public static Saga create() {
        return new Saga("saga", List.of(), null, LOG);
    }

    /**
     * This saga, named {@code name} in its logs.
     *
     * @throws IllegalArgumentException when {@code name} is blank
     */
    public Saga named(String name) {
        Objects.requireNonNull(name, "A saga's name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A saga's name is blank: name it after the work it does, e.g."
                    + " named(\"publishVideo\")");
        }
        return new Saga(name, steps, compensationRetry, log);
    }

    /**
     * This saga, then a step named {@code name} that runs {@code action} and is undone by
     * {@code compensation}.
     *
     * @param name         the step's name, unique in the saga; later steps read its value by it
     * @param action       called with the results of the steps before; returns the step's work, e.g. a
     *                     {@code create} of the client
     * @param compensation called with the value {@code action} produced when a later step fails; returns
     *                     the work that undoes it, e.g. a {@code delete}
     * @throws IllegalArgumentException when {@code name} is blank or the saga has a step of that name
     */
    public <T> Saga step(String name, Function<SagaResults, ? extends Publisher<T>> action,
            Function<? super T, ? extends Publisher<?>> compensation) {
        return step(SagaStep.of(name, action).compensatedBy(compensation));
    }

    /**
     * This saga, then a step named {@code name} that runs {@code action} and has nothing to undo, such as a
     * read, or a last step that nothing follows.
     *
     * @throws IllegalArgumentException when {@code name} is blank or the saga has a step of that name
     */
    public <T> Saga step(String name, Function<SagaResults, ? extends Publisher<T>> action) {
        return step(SagaStep.of(name, action));
    }

    /**
     * This saga, then {@code step}, made with {@link SagaStep#of} when it needs more than a name, an action
     * and a compensation.
     *
     * @throws IllegalArgumentException when the saga has a step of that name
     */
    public Saga step(SagaStep<?> step) {
        Objects.requireNonNull(step, "step");
        for (SagaStep<?> existing : steps) {
            if (existing.name().equals(step.name())) {
                throw new IllegalArgumentException("The saga already has a step named '" + step.name()
                        + "': step names are unique, since later steps read results by them; its steps are "
                        + String.join(", ", stepNames()));
            }
        }
        List<SagaStep<?>> more = new ArrayList<>(steps.size() + 1);
        more.addAll(steps);
        more.add(step);
        return new Saga(name, List.copyOf(more), compensationRetry, log);
    }

    /**
     * This saga, whose failed compensations are retried up to {@code maxRetries} times, waiting
     * {@code firstBackoff} before the first retry and about twice as long before each next one
     * ({@link Retry#backoff(long, Duration)}). A step's own retry wins over this one.
     *
     * @throws IllegalArgumentException when {@code maxRetries} is negative
     */
    public Saga retryCompensations(long maxRetries, Duration firstBackoff) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("A saga retries failed compensations a number of times that is 0 or"
                    + " more, not " + maxRetries);
        }
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        return retryCompensations(Retry.backoff(maxRetries, firstBackoff));
    }

    /**
     * This saga, whose failed compensations are retried with {@code retry}, any Reactor retry policy. A
     * compensation that still fails is reported with its own error, not a retry-exhausted wrapper. A
     * step's own retry wins over this one.
     */
    public Saga retryCompensations(Retry retry) {
        Objects.requireNonNull(retry, "retry");
        return new Saga(name, steps, retry, log);
    }

    /** This saga, logging to {@code log}; for tests that read what a saga logs. */
    Saga loggingTo(Logger log) {
        return new Saga(name, steps, compensationRetry, Objects.requireNonNull(log, "log"));
    }

    /** The saga's name in its logs. */
    public String name() {
        return name;
    }

    /** The names of the saga's steps, in the order they run. */
    public List<String> stepNames() {
        return steps.stream().map(SagaStep::name).toList();
    }

    /**
     * Runs the saga: its steps in order, and on a failure the compensations of the completed ones in
     * reverse order. Emits the outcome; the saga's own failures are outcomes, not errors (see
     * {@link SagaOutcome#committedOrError()} to turn them into errors). Cold: each subscription runs the
     * saga again. Cancelling the subscription aborts the saga after its running step, as the type's
     * documentation describes.
     */
    public Mono<SagaOutcome> run() {
        return Mono.deferContextual(context -> {
            SagaRun run = new SagaRun(name, steps, stepNames(), compensationRetry, log);
            Sinks.One<SagaOutcome> outcome = Sinks.one();
            // Subscribed apart from the caller, so that a cancellation ends neither a step halfway nor the
            // compensations it sets off.
            run.start().contextWrite(context).subscribe(outcome::tryEmitValue, outcome::tryEmitError);
            return outcome.asMono().doOnCancel(run::cancel);
        });
    }

    @Override
    public String toString() {
        return "Saga[" + name + ": " + String.join(", ", stepNames()) + "]";
    }
}
